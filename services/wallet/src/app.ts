import { createHttpApp, type Logger, type ReadinessChecks } from '@headliner/platform';
import { Router, type Express } from 'express';
import type { Pool } from 'pg';
import { chargeRoute } from './http/charge-route';
import { walletRoute } from './http/wallet-route';

export interface AppDeps {
  /** The service's pg pool: the HTTP routes query it straight. */
  pool: Pool;
  logger: Logger;
  readiness?: ReadinessChecks;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const routes = Router();
  routes.use(walletRoute(deps.pool), chargeRoute(deps.pool));
  return createHttpApp({
    logger: deps.logger,
    routes,
    readiness: deps.readiness,
    isShuttingDown: deps.isShuttingDown,
  });
}
