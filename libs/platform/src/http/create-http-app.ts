import { internalRoutes, routes as contractRoutes } from '@headliner/contracts';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { register as globalRegistry, type Registry } from 'prom-client';
import { verifyCallers, type CallerStatementCheck } from './caller-statements';
import { healthOptionsOf, healthRoutes, type ProbeOptions } from './health-routes';
import { answerUndeclaredMethod, type DeclaredOperation } from './method-not-allowed';
import { isProbePath } from './operational-paths';
import { answerUnmatchedRoute, answerWithProblem } from './problem-responses';
import { requestLogging } from './request-logging';
import { requestMetrics, type RequestSeries } from './request-metrics';
import { securityHeaders } from './security-headers';

export interface HttpAppOptions extends ProbeOptions {
  logger: Logger;
  /** The service's endpoints, usually one Router mounting the others at literal paths. */
  routes: RequestHandler;
  /**
   * Every route but the probes then needs a valid signed caller statement for this
   * service (401 otherwise), which the routes read with verifiedCaller(res). Every service sets
   * it; only the gateway, which authenticates the public itself, leaves it out.
   */
  callers?: CallerStatementCheck;
  /** Where request metrics go; defaults to prom-client's global registry, as the scrape's. */
  metrics?: Registry;
  /** Request series an alert counts, exported at 0 before their first request (requestMetrics). */
  zeroedRequestSeries?: readonly RequestSeries[];
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
 * The express app every service serves on its public port: security headers on every answer, the
 * probes (unlogged, untimed, and without detail: /metrics and the readiness of each dependency
 * are on the management port, see createManagementApp), then request metrics and logging, the JSON body parser, the service's
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

  const probes = healthRoutes(healthOptionsOf(options.logger, options), { audience: 'public' });
  // One string comparison for an API request, rather than a walk through one more router.
  app.use((req, res, next) => (isProbePath(req.path) ? probes(req, res, next) : next()));
  app.use(requestMetrics(metrics, options.zeroedRequestSeries));
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
