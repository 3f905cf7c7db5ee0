import { Router } from 'express';
import type { Logger } from 'pino';
import { checkReadiness, type ReadinessChecks } from './readiness';
import { recordDependencies } from './readiness-metrics';
import { livenessPath, readinessPath } from './operational-paths';

export interface HealthOptions {
  logger: Logger;
  /** What the service cannot answer without: any of them down turns readiness 503. */
  readiness: ReadinessChecks;
  /** What the service answers without, with less: reported and logged, readiness stays 200. */
  degradedWithout: ReadinessChecks;
  readinessTimeoutMs: number;
  isShuttingDown: () => boolean;
}

export interface HealthAnswers {
  /**
   * Public: the status word alone, and every change of a check logged, as the probes that gate
   * traffic ask here every few seconds. Management: each check by name with its reason, unlogged
   * (the public probes log the changes already).
   */
  audience: 'public' | 'management';
}

/**
 * Liveness says the process can still answer, and asks no dependency: restarting a process
 * because its database is away mends nothing. Readiness says it can do its work. Both turn 503 as
 * soon as shutdown begins, so load balancers stop sending requests while in-flight ones finish.
 */
export function healthRoutes(options: HealthOptions, { audience }: HealthAnswers): Router {
  const router = Router();
  const logChange = audience === 'public' ? changeLogger(options) : () => undefined;
  router.get(livenessPath, (_req, res) => {
    if (options.isShuttingDown()) res.status(503).json({ status: 'shutting down' });
    else res.json({ status: 'ok' });
  });
  router.get(readinessPath, async (_req, res) => {
    if (options.isShuttingDown()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const { ready, degraded, checks } = await checkReadiness(
      options.readiness,
      options.degradedWithout,
      options.readinessTimeoutMs,
    );
    logChange(checks);
    recordDependencies(checks);
    const status = !ready ? 'unavailable' : degraded ? 'degraded' : 'ready';
    res.status(ready ? 200 : 503).json(audience === 'public' ? { status } : { status, checks });
  });
  return router;
}

/**
 * Logs a check going down or coming back once, rather than at every probe. The first probe sets
 * the scene unlogged: at boot, connections are still being made.
 */
function changeLogger({ logger, degradedWithout }: HealthOptions) {
  const wasUp = new Map<string, boolean>();
  const reportedDown = new Set<string>();
  return (checks: Record<string, string>) => {
    for (const [name, outcome] of Object.entries(checks)) {
      const up = outcome === 'up';
      const before = wasUp.get(name);
      wasUp.set(name, up);
      if (before === undefined || before === up) continue;
      const effect = name in degradedWithout ? 'serving without it' : 'not ready';
      // Only an outage that was reported ends with "is back", not a connection made after boot.
      if (up && reportedDown.delete(name)) logger.info({ check: name }, `${name} is back`);
      if (up) continue;
      reportedDown.add(name);
      logger.warn({ check: name, outcome }, `${name} is down: ${effect}`);
    }
  };
}

/** What a service tells its app about its dependencies; both its ports answer from the same. */
export interface ProbeOptions {
  /** What /health/ready probes, by name; none means ready whenever the process runs. */
  readiness?: ReadinessChecks;
  /**
   * Dependencies the service answers without, with less (a cache, a fail-open rate limiter, the
   * broker its outbox waits for): /health/ready reports them and stays 200, as `degraded`.
   */
  degradedWithout?: ReadinessChecks;
  readinessTimeoutMs?: number;
  /** From the shutdown: turns the health endpoints 503 while the service drains. */
  isShuttingDown?: () => boolean;
}

export function healthOptionsOf(logger: Logger, probes: ProbeOptions): HealthOptions {
  return {
    logger,
    readiness: probes.readiness ?? {},
    degradedWithout: probes.degradedWithout ?? {},
    readinessTimeoutMs: probes.readinessTimeoutMs ?? 1000,
    isShuttingDown: probes.isShuttingDown ?? (() => false),
  };
}
