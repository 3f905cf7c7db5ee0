/** Named probes of what the service needs to do its work, e.g. `postgres: () => prisma.$queryRaw\`select 1\``. */
export type ReadinessChecks = Record<string, () => unknown>;

export interface Readiness {
  ready: boolean;
  /** `up`, or `down: <reason>`, per check. */
  checks: Record<string, string>;
}

/** Runs every check in parallel, each bounded by timeoutMs so one hung dependency cannot hang the probe. */
export async function checkReadiness(
  checks: ReadinessChecks,
  timeoutMs: number,
): Promise<Readiness> {
  const outcomes = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await outcomeOf(check, timeoutMs)]),
  );
  return {
    ready: outcomes.every(([, outcome]) => outcome === 'up'),
    checks: Object.fromEntries(outcomes),
  };
}

async function outcomeOf(check: () => unknown, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timedOut]);
    return 'up';
  } catch (error) {
    return `down: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}
