import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  benchMetrics,
  benchSystemLabel,
  lastScrapeMs,
  scrapeBenchSystem,
  writeSaleGraph,
} from './bench-metrics';
import { benchTracing, writeSlowestBooking } from './bench-tracing';
import type { Outcome } from './outcome';
import { runScenario } from './scenario-run';
import type { Scenario } from './scenarios';
import { BENCH_SETTLE, settleMachine } from './machine-cpu';
import { BENCH_PORT_BASE, bootSeeded } from './system-under-test';

/**
 * Full size: every scenario on a fresh system of its own, booted, seeded and stopped after, and
 * started once the machine is quiet again (settleMachine).
 * BENCH_TRACING=on adds each scenario's slowest traced booking, BENCH_METRICS=on its sale graph.
 */
export async function runBench(chosen: readonly Scenario[], runDir: string): Promise<Outcome[]> {
  const tracing = benchTracing();
  const metrics = benchMetrics();
  const outcomes: Outcome[] = [];
  for (const scenario of chosen) {
    console.log(`\n== ${scenario.name}: booting a fresh system`);
    const system = await bootSeeded(
      { ...scenario.system, ...tracing?.systemEnv },
      { portBase: BENCH_PORT_BASE },
      {
        users: scenario.fans.full,
        seatsPerSchedule: scenario.seatsPerSchedule ?? 50,
        ...scenario.seed,
      },
    );
    const settled = await settleMachine(BENCH_SETTLE);
    await writeFile(
      path.join(runDir, `${scenario.name}.settled.json`),
      JSON.stringify(settled, null, 2),
    );
    console.log(
      settled.settled
        ? `machine settled in ${settled.seconds} s`
        : `machine not settled after ${settled.seconds} s (idle ${(settled.lastIdle * 100).toFixed(0)} %); starting anyway`,
    );
    const label = benchSystemLabel(runDir, scenario.name);
    const stopScraping = metrics
      ? await scrapeBenchSystem(metrics.prometheusUrl, system, label)
      : () => {};
    const start = new Date();
    try {
      const outcome = await runScenario(system, scenario, {
        runDir,
        size: 'full',
        userOffset: 0,
        echo: true,
        // k6's series carry the label the system is (with BENCH_METRICS=on) scraped under.
        systemId: label,
      });
      console.log(`${outcome.passed ? '✓' : '✗'} ${outcome.name}: ${outcome.line}`);
      outcomes.push(outcome);
      if (metrics) await new Promise((resolve) => setTimeout(resolve, lastScrapeMs));
    } finally {
      stopScraping();
      await system.stop();
    }
    const window = { start, end: new Date() };
    if (tracing) {
      // After the stop: each service flushes its spans as it shuts down.
      const traceId = await writeSlowestBooking(tracing, runDir, scenario.name, window);
      console.log(`slowest traced booking: ${traceId ?? 'none (no payment traced)'}`);
    }
    if (metrics) {
      const file = await writeSaleGraph(
        metrics.prometheusUrl,
        runDir,
        scenario.name,
        label,
        window,
      );
      console.log(`sale graph: ${file}`);
    }
  }
  return outcomes;
}
