import { internalRoutes, routes as contractRoutes } from '@headliner/contracts';
import express, { Router, type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { register as globalRegistry, type Registry } from 'prom-client';
import { verifyCallers, type CallerStatementCheck } from './caller-statements';
import { healthRoutes } from './health-routes';
import { answerUndeclaredMethod, type DeclaredOperation } from './method-not-allowed';
import { metricsRoute } from './metrics-route';
import { isOperationalPath } from './operational-paths';
import { answerUnmatchedRoute, answerWithProblem } from './problem-responses';
import type { ReadinessChecks } from './readiness';
import { requestLogging } from './request-logging';
import { requestMetrics } from './request-metrics';
import { securityHeaders } from './security-headers';

export interface HttpAppOptions {
  logger: Logger;
  /** The service's endpoints, usually one Router mounting the others at literal paths. */
  routes: RequestHandler;
  /**
   * Every route but the probes and /metrics then needs a valid signed caller statement for this
   * service (401 otherwise), which the routes read with verifiedCaller(res). Every service sets
   * it; only the gateway, which authenticates the public itself, leaves it out.
   */
  callers?: CallerStatementCheck;
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
  /** Defaults to prom-client's global registry, where the messaging metrics register too. */
  metrics?: Registry;
  /** Largest JSON body accepted, in bytes or as '100kb'. */
  bodyLimit?: number | string;
  /**
   * The operations the app serves, by OpenAPI path: another method on one of their paths answers
   * 405 with Allow rather than 404. Defaults to the contract's every route, public and internal.
   */
  operations?: readonly DeclaredOperation[];
}

const everyContractOperation: readonly DeclaredOperation[] = [
  ...contractRoutes,
  ...Object.values(internalRoutes),
];

/**
 * The express app every service serves: security headers on every answer, probes and /metrics
 * (unlogged, untimed), then request metrics and logging, the JSON body parser, the service's
 * routes, and last the problem answers for undeclared methods, unmatched routes and errors. The
 * routes come in as an option so that nothing can be mounted after the error handler by mistake.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const metrics = options.metrics ?? globalRegistry;
  const app = express();
  app.disable('x-powered-by');
  // Services are reached through the gateway, which passes on no If-None-Match: an ETag could
  // never save a byte, and hashing every answer for one cost CPU on every read.
  app.disable('etag');
  app.use(securityHeaders);

  const operational = Router();
  operational.use(
    healthRoutes({
      logger: options.logger,
      readiness: options.readiness ?? {},
      degradedWithout: options.degradedWithout ?? {},
      readinessTimeoutMs: options.readinessTimeoutMs ?? 1000,
      isShuttingDown: options.isShuttingDown ?? (() => false),
    }),
  );
  operational.use(metricsRoute(metrics));
  // One string comparison for an API request, rather than a walk through two more routers.
  app.use((req, res, next) => (isOperationalPath(req.path) ? operational(req, res, next) : next()));
  app.use(requestMetrics(metrics));
  app.use(requestLogging(options.logger));
  // Before the body parser: a request from no one known is not worth parsing.
  if (options.callers) app.use(verifyCallers(options.callers));
  app.use(express.json({ limit: options.bodyLimit ?? '100kb' }));
  app.use(options.routes);
  app.use(answerUndeclaredMethod(options.operations ?? everyContractOperation));
  app.use(answerUnmatchedRoute);
  app.use(answerWithProblem);
  return app;
}
