import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { System } from '@headliner/system';
import { checkInvariants } from '../invariants';
import { runK6 } from '../k6';
import { writeSessions } from '../sessions';
import { BENCH_PORT_BASE, bootSeeded, PASSWORD } from '../system-under-test';
import type { Fault } from './fault-catalogue';
import { impactOf, type FaultImpact } from './recovery';
import { readTimeline } from './request-timeline';

/** Steady load before the fault (the baseline) and after its removal (the recovery). */
const leadSeconds = 30;
const tailSeconds = 45;
const fans = 50;

export interface FaultOutcome {
  fault: Fault;
  impact: FaultImpact;
  violations: string[];
  /** Services whose process was not running when the load ended. */
  died: string[];
  k6ExitCode: number;
}

/**
 * The soak's steady mix (50 fans browsing, queueing, booking every fifth round) on a fresh
 * system; the fault is injected `leadSeconds` in and removed `fault.lastsSeconds` later. k6's
 * per-request samples become a per-second timeline, from which the fault's impact and the
 * recovery time are read (see impactOf). Writes <fault>.timeline.json, .summary.json, .log.
 */
export async function runFault(fault: Fault, runDir: string): Promise<FaultOutcome> {
  const file = (suffix: string) => path.join(runDir, `${fault.name}.${suffix}`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'headliner-fault-'));
  const system = await bootSeeded({}, BENCH_PORT_BASE, { users: fans, seatsPerSchedule: 1000 });
  try {
    const sessionsFile = path.join(scratch, 'sessions.json');
    await writeSessions(
      system.gatewayUrl,
      { offset: 0, count: fans, password: PASSWORD },
      sessionsFile,
    );
    const csvFile = path.join(scratch, 'samples.csv');
    const load = runK6({
      script: 'soak.js',
      env: {
        BASE_URL: system.gatewayUrl,
        SESSIONS_FILE: sessionsFile,
        VUS: String(fans),
        DURATION: `${leadSeconds + fault.lastsSeconds + tailSeconds}s`,
      },
      summaryFile: file('summary.json'),
      dashboardFile: path.join(scratch, 'dashboard.html'),
      logFile: file('log'),
      testId: `${path.basename(runDir)}/${fault.name}`,
      echo: false,
      csvFile,
    });
    const window = await injectAndRemove(fault, system);
    const k6ExitCode = await load;
    const died = system.exited();
    const violations = await checkInvariants(system, file('invariants.json'));
    const timeline = await readTimeline(csvFile);
    const impact = impactOf(timeline, window);
    await writeFile(file('timeline.json'), JSON.stringify({ window, impact, timeline }));
    return { fault, impact, violations, died, k6ExitCode };
  } finally {
    await system.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function injectAndRemove(fault: Fault, system: System) {
  await sleep(leadSeconds * 1000);
  const injectedAt = Date.now();
  console.log(`   ${fault.name}: injecting (${fault.description})`);
  await fault.inject(system);
  try {
    await sleep(injectedAt + fault.lastsSeconds * 1000 - Date.now());
  } finally {
    await fault.remove(system);
  }
  // The fault ends when what it took away is back (started and answering).
  const removedAt = Date.now();
  console.log(`   ${fault.name}: removed after ${((removedAt - injectedAt) / 1000).toFixed(1)} s`);
  return { injectedAt, removedAt };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
