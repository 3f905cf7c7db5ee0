import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { System } from '@headliner/system';
import { ceilingLine } from './ceilings/ceiling-figures';
import { startCeilings, type CeilingsRun } from './ceilings/ceilings-run';
import { checkInvariants } from './invariants';
import { ADMIN, serviceNames } from '@headliner/system';
import { runK6 } from './k6';
import { sampleMachineBusy } from './machine-cpu';
import { sampleMemory } from './memory-sampler';
import { measureK6Ceiling } from './on-sale/k6-ceiling';
import { onSaleLine, writeOnSaleFigures } from './on-sale/on-sale-figures';
import { crossedThresholds, figures, readSummary, type Outcome } from './outcome';
import type { Scenario, Size } from './scenarios';
import { writeSessions } from './sessions';
import { PASSWORD } from './system-under-test';

export interface Placement {
  runDir: string;
  size: Size;
  /** The scenario's fans are user<userOffset+1>…, so scenarios sharing a system never meet. */
  userOffset: number;
  /** Show k6's own summary on the console. */
  echo: boolean;
  /** The system label Prometheus scrapes this system with, if it does (tags k6's series). */
  systemId?: string;
}

/**
 * One scenario against a booted, seeded system: sign its fans in, run k6 while sampling the
 * services' memory, then check the invariants. Writes <name>.summary.json, .html, .log,
 * .memory.json and .invariants.json into the run folder.
 */
export async function runScenario(
  system: System,
  scenario: Scenario,
  place: Placement,
): Promise<Outcome> {
  const started = Date.now();
  const file = (suffix: string) => path.join(place.runDir, `${scenario.name}.${suffix}`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'headliner-k6-'));
  let ceilings: CeilingsRun | undefined;
  try {
    const env: Record<string, string> = {
      // The smoke proves the scripts still run; latency is the full run's business.
      ...(place.size === 'smoke' && { LATENCY_FACTOR: '10' }),
      ...scenario.k6[place.size],
      BASE_URL: system.gatewayUrl,
      USER_OFFSET: String(place.userOffset),
      PASSWORD,
      // For the scripts that set up a sale as the admin would (on-sale).
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
    };
    if (scenario.sessions) {
      env.SESSIONS_FILE = path.join(scratch, 'sessions.json');
      const users = {
        offset: place.userOffset,
        count: scenario.fans[place.size],
        password: PASSWORD,
      };
      await writeSessions(system.gatewayUrl, users, env.SESSIONS_FILE);
    }
    if (scenario.ceilings) {
      ceilings = await startCeilings({
        gatewayUrl: system.gatewayUrl,
        servicePids: serviceNames.map((service) => system.pid(service)),
        env,
        stores: {
          redisUrl: system.redisAdminUrl,
          walletDatabaseUrl: system.databaseUrl('wallet'),
          reservationDatabaseUrl: system.databaseUrl('reservation'),
        },
        fansFile: path.join(scratch, 'fans.json'),
        chainConfigFile: path.join(scratch, 'bare-chain.json'),
        answersFile: file('answers.json'),
        figuresFile: file('ceilings.json'),
      });
      Object.assign(env, ceilings.env);
    }
    const testId = `${path.basename(place.runDir)}/${scenario.name}`;
    const ceiling = scenario.onSale
      ? await measureK6Ceiling({
          env: scenario.onSale.ceilingProbe[place.size],
          summaryFile: file('ceiling.json'),
          logFile: file('ceiling.log'),
          dashboardFile: path.join(scratch, 'ceiling.html'),
          testId: `${testId}-ceiling`,
          echo: place.echo,
        })
      : undefined;
    const memory = sampleMemory((service) => system.managementUrl(service));
    const machine = sampleMachineBusy();
    const exitCode = await runK6({
      script: scenario.script,
      env,
      summaryFile: file('summary.json'),
      dashboardFile: file('html'),
      logFile: file('log'),
      testId,
      systemId: place.systemId,
      echo: place.echo,
      ...(scenario.onSale && { consoleFile: file('fans.log') }),
    });
    const busy = machine.stop();
    await ceilings?.stop();
    const series = await memory.stop();
    await writeFile(file('memory.json'), JSON.stringify(series));
    await writeFile(file('machine-cpu.json'), JSON.stringify(busy));
    const violations = await checkInvariants(system, file('invariants.json'));
    const metrics = await readSummary(file('summary.json'));
    const ceilingFigures = await ceilings?.finish(file('summary.json'));
    const onSale = scenario.onSale
      ? await writeOnSaleFigures({
          fanLines: file('fans.log'),
          summary: file('summary.json'),
          out: file('on-sale.json'),
          ceilingPerSecond: ceiling,
        })
      : undefined;

    // 99: thresholds crossed, which ends a stress run by design; anything else is a broken run.
    const crossed = scenario.endsByCrossing ? [] : crossedThresholds(metrics);
    const problems = [
      ...(Object.keys(metrics).length === 0 ? ['k6 wrote no summary'] : []),
      ...(exitCode !== 0 && exitCode !== 99 ? [`k6 exited ${exitCode}, see ${file('log')}`] : []),
      ...crossed.map((rule) => `threshold ${rule}`),
      ...(exitCode === 99 && !scenario.endsByCrossing && crossed.length === 0
        ? ['k6 reported crossed thresholds']
        : []),
      ...violations.map((violation) => `invariant: ${violation}`),
      ...(onSale?.fairness.violations.map((violation) => `fairness: ${violation}`) ?? []),
      ...(scenario.onSale && ceiling === undefined ? ['the k6 ceiling probe failed'] : []),
    ];
    const seconds = (Date.now() - started) / 1000;
    const passed = problems.length === 0;
    const measured = [
      // The whole run's total mixes every path and both sides: only the shares mean anything.
      ceilingFigures ? ceilingLine(ceilingFigures) : figures(metrics, series),
      ...(onSale ? [onSaleLine(onSale)] : []),
    ].join(', ');
    const line = passed ? measured : `${problems.join('; ')} | ${measured}`;
    return { name: scenario.name, passed, seconds, line };
  } finally {
    await ceilings?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}
