import { createHttpApp, type ReadinessChecks } from '@headliner/platform';
import type { Express } from 'express';
import { bookingRoutes } from './http/booking-routes';
import type { RouteDeps } from './http/route-deps';

export interface AppDeps extends RouteDeps {
  readiness?: ReadinessChecks;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    routes: bookingRoutes(deps),
    readiness: deps.readiness,
    isShuttingDown: deps.isShuttingDown,
  });
}
