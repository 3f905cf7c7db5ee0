import path from 'node:path';
import { scrapeSystem } from '@headliner/system';
import type { Outcome } from './outcome';
import { runScenario } from './scenario-run';
import type { Scenario } from './scenarios';
import { BENCH_PORT_BASE, bootSeeded } from './system-under-test';

/**
 * Full size: every scenario on a fresh system of its own, booted, seeded and stopped after. With
 * a local Prometheus (PROMETHEUS_URL) it scrapes each system, labelled system=bench-<run>-<scenario>
 * as k6's series are tagged: the load-test dashboard shows both sides of the run.
 */
export async function runBench(chosen: readonly Scenario[], runDir: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const scenario of chosen) {
    console.log(`\n== ${scenario.name}: booting a fresh system`);
    const system = await bootSeeded(scenario.system, BENCH_PORT_BASE, {
      users: scenario.fans.full,
      seatsPerSchedule: scenario.seatsPerSchedule ?? 50,
    });
    const systemId = `bench-${path.basename(runDir)}-${scenario.name}`;
    const stopScraping = process.env.PROMETHEUS_URL
      ? scrapeSystem(systemId, (service) => system.managementUrl(service))
      : () => {};
    try {
      const outcome = await runScenario(system, scenario, {
        runDir,
        size: 'full',
        userOffset: 0,
        echo: true,
        systemId,
      });
      console.log(`${outcome.passed ? '✓' : '✗'} ${outcome.name}: ${outcome.line}`);
      outcomes.push(outcome);
    } finally {
      stopScraping();
      await system.stop();
    }
  }
  return outcomes;
}
