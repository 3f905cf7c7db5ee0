import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { register as globalRegistry, type Registry } from 'prom-client';
import { healthOptionsOf, healthRoutes, type ProbeOptions } from './health-routes';
import { metricsRoute } from './metrics-route';
import { answerUnmatchedRoute, answerWithProblem } from './problem-responses';
import { securityHeaders } from './security-headers';

export interface ManagementAppOptions extends ProbeOptions {
  logger: Logger;
  /** What /metrics exposes; defaults to prom-client's global registry, where every metric is. */
  metrics?: Registry;
}

/**
 * The app a service serves on its management port, for the operators and scrapers inside the
 * cluster: /metrics, and /health/ready with every check by name and its reason (`down: <error
 * text>`), which would tell an outsider what the service runs on and what is failing. The gateway
 * routes nothing here; the public port keeps the probes without detail.
 */
export function createManagementApp(options: ManagementAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(securityHeaders);
  app.use(healthRoutes(healthOptionsOf(options.logger, options), { audience: 'management' }));
  app.use(metricsRoute(options.metrics ?? globalRegistry));
  app.use(answerUnmatchedRoute);
  app.use(answerWithProblem);
  return app;
}
