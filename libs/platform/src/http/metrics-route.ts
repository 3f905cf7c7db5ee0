import { Router } from 'express';
import { collectDefaultMetrics, type Registry } from 'prom-client';
import { metricsPath } from './operational-paths';

const collecting = new WeakSet<Registry>();

/** Prometheus scrape endpoint, with the process and Node.js runtime metrics included. */
export function metricsRoute(registry: Registry): Router {
  if (!collecting.has(registry)) {
    collectDefaultMetrics({ register: registry });
    collecting.add(registry);
  }
  const router = Router();
  router.get(metricsPath, async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
