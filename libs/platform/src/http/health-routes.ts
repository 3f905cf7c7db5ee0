import { Router } from 'express';
import { checkReadiness, type ReadinessChecks } from './readiness';
import { livenessPath, readinessPath } from './operational-paths';

export interface HealthOptions {
  readiness: ReadinessChecks;
  readinessTimeoutMs: number;
  isShuttingDown: () => boolean;
}

/**
 * Liveness says the process can still answer; readiness says it can do its work. Both turn 503 as
 * soon as shutdown begins, so load balancers stop sending requests while in-flight ones finish.
 */
export function healthRoutes(options: HealthOptions): Router {
  const router = Router();
  router.get(livenessPath, (_req, res) => {
    if (options.isShuttingDown()) res.status(503).json({ status: 'shutting down' });
    else res.json({ status: 'ok' });
  });
  router.get(readinessPath, async (_req, res) => {
    if (options.isShuttingDown()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const { ready, checks } = await checkReadiness(options.readiness, options.readinessTimeoutMs);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  return router;
}
