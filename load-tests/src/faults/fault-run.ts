import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { System } from '@headliner/system';
import { scrapeBenchSystem } from '../bench-metrics';
import { checkInvariants } from '../invariants';
import { runK6 } from '../k6';
import { writeSessions } from '../sessions';
import { BENCH_PORT_BASE, bootSeeded, PASSWORD } from '../system-under-test';
import { awaitDetection, type Detection } from './detection';
import type { DrillObservers } from './drill-observers';
import type { Fault } from './fault-catalogue';
import { mitigateOnAlert, type MitigationRecord } from './mitigate-on-alert';
import { impactOf, type FaultImpact, type FaultWindow } from './recovery';
import { bySecond, readRequests } from './request-timeline';
import { stepsDuring, type StepImpact } from './step-impact';
import { writeTimelineChart } from './timeline-chart';

/** Seconds of steady load before the fault (the baseline) and after its removal (the recovery). */
export interface DrillShape {
  leadSeconds: number;
  tailSeconds: number;
  fans: number;
}

// A recovery is seen within the tail less the steady seconds that prove it: 70 s, stricter than
// the 2-minute target, and a drill that needs longer fails.
export const fullDrill: DrillShape = { leadSeconds: 30, tailSeconds: 75, fans: 50 };
export const smokeDrill: DrillShape = { leadSeconds: 15, tailSeconds: 30, fans: 10 };

export interface FaultOutcome {
  fault: Fault;
  window: FaultWindow;
  detection: Detection;
  impact: FaultImpact;
  /** Per step of the journey, from the fault's start to the recovery (or the run's end). */
  steps: StepImpact[];
  /** What the operator did once alerted, when the fault has a mitigation. */
  mitigation?: MitigationRecord;
  violations: string[];
  /** Services whose process was not running when the load ended. */
  died: string[];
  k6ExitCode: number;
}

/**
 * A game-day drill: a fresh system under the fault's k6 shape (the soak's steady mix by default),
 * scraped by the local Prometheus as system `drill-<run>-<fault>`; the fault is injected
 * `leadSeconds` in and removed `fault.lastsSeconds` later. Detection is the first of the fault's
 * alerts at the alert receiver; the impact and the recovery come from k6's per-request samples.
 * Writes <fault>.timeline.json/.svg, .summary.json, .invariants.json and .log into the run folder.
 */
export async function runFault(
  fault: Fault,
  runDir: string,
  shape: DrillShape,
  observers: DrillObservers,
): Promise<FaultOutcome> {
  const file = (suffix: string) => path.join(runDir, `${fault.name}.${suffix}`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'headliner-fault-'));
  const systemLabel = `drill-${path.basename(runDir)}-${fault.name}`;
  const users = Math.max(shape.fans, fault.load?.users ?? 0);
  const system = await bootSeeded(
    fault.systemEnv ?? {},
    { portBase: BENCH_PORT_BASE, logFile: file('services.log') },
    {
      users,
      seatsPerSchedule: 1000,
    },
  );
  let stopScraping = () => {};
  try {
    stopScraping = await scrapeBenchSystem(observers.prometheusUrl, system, systemLabel);
    const sessionsFile = path.join(scratch, 'sessions.json');
    await writeSessions(
      system.gatewayUrl,
      { offset: 0, count: users, password: PASSWORD },
      sessionsFile,
    );
    const csvFile = path.join(scratch, 'samples.csv');
    const startedAt = Date.now();
    const load = runK6({
      script: fault.load?.script ?? 'soak.js',
      env: {
        BASE_URL: system.gatewayUrl,
        SESSIONS_FILE: sessionsFile,
        VUS: String(shape.fans),
        DURATION: `${shape.leadSeconds + fault.lastsSeconds + shape.tailSeconds}s`,
        ...fault.load?.env,
      },
      summaryFile: file('summary.json'),
      dashboardFile: path.join(scratch, 'dashboard.html'),
      logFile: file('log'),
      testId: `${path.basename(runDir)}/${fault.name}`,
      systemId: systemLabel,
      echo: false,
      csvFile,
    });
    const { window, mitigation } = await injectAndRemove(fault, system, shape.leadSeconds, {
      receiverFile: observers.receiverFile,
      system: systemLabel,
    });
    const k6ExitCode = await load;
    const detection = await awaitDetection(fault, window, observers.receiverFile, systemLabel);
    const died = system.exited();
    const violations = await checkInvariants(system, file('invariants.json'));
    const requests = await readRequests(csvFile);
    const timeline = bySecond(requests);
    const impact = impactOf(timeline, window);
    const recoveredAt =
      impact.recoverySeconds === undefined
        ? Infinity
        : window.removedAt + impact.recoverySeconds * 1000;
    const steps = stepsDuring(requests, window.injectedAt, recoveredAt);
    await writeFile(
      file('timeline.json'),
      JSON.stringify({ window, detection, impact, steps, timeline }),
    );
    await writeTimelineChart(file('timeline.svg'), {
      fault,
      startedAt,
      window,
      detection,
      impact,
      mitigation,
      timeline,
    });
    return {
      fault,
      window,
      detection,
      impact,
      steps,
      ...(mitigation && { mitigation }),
      violations,
      died,
      k6ExitCode,
    };
  } finally {
    stopScraping();
    await system.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function injectAndRemove(
  fault: Fault,
  system: System,
  leadSeconds: number,
  watched: { receiverFile: string; system: string },
): Promise<{ window: FaultWindow; mitigation?: MitigationRecord }> {
  await sleep(leadSeconds * 1000);
  const injectedAt = Date.now();
  console.log(`   ${fault.name}: injecting (${fault.description})`);
  await fault.inject(system);
  const operator = mitigateOnAlert(fault, system.gatewayUrl, { ...watched, since: injectedAt });
  try {
    await sleep(injectedAt + fault.lastsSeconds * 1000 - Date.now());
  } finally {
    await fault.remove(system);
  }
  // The fault ends when what it took away is back (started and answering).
  const removedAt = Date.now();
  console.log(`   ${fault.name}: removed after ${((removedAt - injectedAt) / 1000).toFixed(1)} s`);
  const mitigation = await operator.end();
  return { window: { injectedAt, removedAt }, ...(mitigation && { mitigation }) };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
