import { withinMs } from '../resilience/within-ms';

/** Named probes of what the service needs to do its work, e.g. `postgres: () => prisma.$queryRaw\`select 1\``. */
export type ReadinessChecks = Record<string, () => unknown>;

export interface Readiness {
  /** Every check of what the service needs is up: it may take traffic. */
  ready: boolean;
  /** Some dependency the service answers without is down: it serves, with less. */
  degraded: boolean;
  /** `up`, or `down: <reason>`, per check of either kind. */
  checks: Record<string, string>;
}

/**
 * Runs every check in parallel, each bounded by timeoutMs so one hung dependency cannot hang the
 * probe. Only `needed` decide readiness; `degradedWithout` are reported beside them.
 */
export async function checkReadiness(
  needed: ReadinessChecks,
  degradedWithout: ReadinessChecks,
  timeoutMs: number,
): Promise<Readiness> {
  const outcomesOf = (checks: ReadinessChecks) =>
    Promise.all(
      Object.entries(checks).map(async ([name, check]) => [
        name,
        await outcomeOf(check, timeoutMs),
      ]),
    );
  const [neededOutcomes, otherOutcomes] = await Promise.all([
    outcomesOf(needed),
    outcomesOf(degradedWithout),
  ]);
  return {
    ready: neededOutcomes.every(([, outcome]) => outcome === 'up'),
    degraded: otherOutcomes.some(([, outcome]) => outcome !== 'up'),
    checks: Object.fromEntries([...neededOutcomes, ...otherOutcomes]),
  };
}

async function outcomeOf(check: () => unknown, timeoutMs: number): Promise<string> {
  try {
    await withinMs(Promise.resolve().then(check), timeoutMs);
    return 'up';
  } catch (error) {
    return `down: ${error instanceof Error ? error.message : String(error)}`;
  }
}
