import { createHttpApp, type ReadinessChecks } from '@headliner/platform';
import type { Express } from 'express';
import { bookingRoutes } from './http/booking-routes';
import type { RouteDeps } from './http/route-deps';

export interface AppDeps extends RouteDeps {
  /** INTERNAL_AUTH_SECRET: every route needs a statement signed with it for reservation. */
  internalAuthSecret: string;
  /** INTERNAL_AUTH_ACCEPTED_SECRETS: also accepted while the secret rotates. */
  acceptedInternalAuthSecrets?: readonly string[];
  readiness?: ReadinessChecks;
  degradedWithout?: ReadinessChecks;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    routes: bookingRoutes(deps),
    callers: {
      secret: deps.internalAuthSecret,
      alsoAccepted: deps.acceptedInternalAuthSecrets,
      audience: 'reservation',
    },
    readiness: deps.readiness,
    degradedWithout: deps.degradedWithout,
    isShuttingDown: deps.isShuttingDown,
  });
}
