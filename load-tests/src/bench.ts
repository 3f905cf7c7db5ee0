import { benchTracing, writeSlowestBooking } from './bench-tracing';
import type { Outcome } from './outcome';
import { runScenario } from './scenario-run';
import type { Scenario } from './scenarios';
import { BENCH_PORT_BASE, bootSeeded } from './system-under-test';

/** Full size: every scenario on a fresh system of its own, booted, seeded and stopped after. */
export async function runBench(chosen: readonly Scenario[], runDir: string): Promise<Outcome[]> {
  const tracing = benchTracing();
  const outcomes: Outcome[] = [];
  for (const scenario of chosen) {
    console.log(`\n== ${scenario.name}: booting a fresh system`);
    const system = await bootSeeded(
      { ...scenario.system, ...tracing?.systemEnv },
      BENCH_PORT_BASE,
      {
        users: scenario.fans.full,
        seatsPerSchedule: scenario.seatsPerSchedule ?? 50,
      },
    );
    const start = new Date();
    try {
      const outcome = await runScenario(system, scenario, {
        runDir,
        size: 'full',
        userOffset: 0,
        echo: true,
      });
      console.log(`${outcome.passed ? '✓' : '✗'} ${outcome.name}: ${outcome.line}`);
      outcomes.push(outcome);
    } finally {
      await system.stop();
    }
    if (tracing) {
      // After the stop: each service flushes its spans as it shuts down.
      const traceId = await writeSlowestBooking(tracing, runDir, scenario.name, {
        start,
        end: new Date(),
      });
      console.log(`slowest traced booking: ${traceId ?? 'none (no payment traced)'}`);
    }
  }
  return outcomes;
}
