import type { System } from '@headliner/system';
import type { Outcome } from './outcome';
import { runScenario } from './scenario-run';
import { LOAD_TEST_CHALLENGE_DIFFICULTY, type Scenario } from './scenarios';
import { BENCH_PORT_BASE, bootSeeded } from './system-under-test';

// Ports apart from the bench's, so a smoke (in npm test) and a bench can run side by side.
const SMOKE_PORT_BASE = BENCH_PORT_BASE + 100;

/**
 * The system env a scenario needs beyond the defaults: its cache setting, and whether its rooms
 * have a door. A few VUs solve any difficulty at once, so every door of the smoke is the load
 * tests' own, and the scenarios with one share a system.
 */
function configOf(scenario: Scenario): string {
  const { CATALOGUE_CACHE, QUEUE_CHALLENGE_DIFFICULTY } = scenario.system;
  const door = QUEUE_CHALLENGE_DIFFICULTY !== undefined && QUEUE_CHALLENGE_DIFFICULTY !== '0';
  return JSON.stringify({
    ...(CATALOGUE_CACHE === 'off' && { CATALOGUE_CACHE }),
    ...(door && { QUEUE_CHALLENGE_DIFFICULTY: LOAD_TEST_CHALLENGE_DIFFICULTY }),
  });
}

/**
 * Every scenario for a few seconds with a few VUs, so no script rots. Booting a system per
 * scenario would take minutes, so they share one system per configuration (the seat-map cache
 * on, and off), each with fans and a concert of its own so one scenario's state never meets
 * another's. The queue keeps its default active limit, which a few VUs never reach.
 */
export async function runSmoke(chosen: readonly Scenario[], runDir: string): Promise<Outcome[]> {
  const groups = new Map<string, Scenario[]>();
  for (const scenario of chosen) {
    groups.set(configOf(scenario), [...(groups.get(configOf(scenario)) ?? []), scenario]);
  }
  const fans = chosen.reduce((sum, scenario) => sum + scenario.fans.smoke, 0);
  const booted = await Promise.allSettled(
    [...groups.keys()].map((config, i) =>
      bootSeeded(
        JSON.parse(config) as Record<string, string>,
        { portBase: SMOKE_PORT_BASE + 10 * i },
        {
          users: fans,
          seatsPerSchedule: 100,
        },
      ),
    ),
  );
  const systems = booted.flatMap((boot) => (boot.status === 'fulfilled' ? [boot.value] : []));
  try {
    const failedBoot = booted.find((boot) => boot.status === 'rejected');
    if (failedBoot) throw failedBoot.reason;
    const outcomes: Outcome[] = [];
    let userOffset = 0;
    for (const [i, group] of [...groups.values()].entries()) {
      for (const scenario of group) {
        const system = systems[i] as System;
        const place = { runDir, size: 'smoke' as const, userOffset, echo: false };
        const outcome = await runScenario(system, scenario, place);
        console.log(
          `${outcome.passed ? '✓' : '✗'} ${outcome.name} (${outcome.seconds.toFixed(0)} s): ${outcome.line}`,
        );
        outcomes.push(outcome);
        userOffset += scenario.fans.smoke;
      }
    }
    return outcomes;
  } finally {
    await Promise.all(systems.map((system) => system.stop()));
  }
}
