import { createHttpApp, type ReadinessChecks } from '@headliner/platform';
import type { Express } from 'express';
import { bookingRoutes } from './http/booking-routes';
import type { RouteDeps } from './http/route-deps';

export interface AppDeps extends RouteDeps {
  readiness?: ReadinessChecks;
  degradedWithout?: ReadinessChecks;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    routes: bookingRoutes(deps),
    readiness: deps.readiness,
    degradedWithout: deps.degradedWithout,
    isShuttingDown: deps.isShuttingDown,
  });
}
