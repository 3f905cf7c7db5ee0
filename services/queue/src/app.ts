import { createHttpApp, exactRoutes, type Logger, type ReadinessChecks } from '@headliner/platform';
import { Router, type Express } from 'express';
import { challengeRoutes } from './http/challenge-routes';
import { answerStoreOutage } from './http/store-outage';
import { queueStatsRoutes } from './http/queue-stats-routes';
import { queueTokenRoutes } from './http/queue-token-routes';
import { roomAdminRoutes } from './http/room-admin-routes';
import { verifyRoutes } from './http/verify-routes';
import { waitingRoomAdminRoutes } from './http/waiting-room-admin-routes';
import type { Door } from './infra/door';
import type { ScheduleCatalogue } from './infra/schedule-catalogue';
import type { WaitingRoom } from './infra/waiting-room';

export interface AppDeps {
  logger: Logger;
  /** INTERNAL_AUTH_SECRET: every route needs a statement signed with it for the queue. */
  internalAuthSecret: string;
  /** INTERNAL_AUTH_ACCEPTED_SECRETS: also accepted while the secret rotates. */
  acceptedInternalAuthSecrets?: readonly string[];
  waitingRoom: WaitingRoom;
  /** Which schedules exist: a room is only made for one of them. */
  schedules: ScheduleCatalogue;
  /** The proof of work a fan brings to join a room. */
  door: Door;
  readiness?: ReadinessChecks;
  degradedWithout?: ReadinessChecks;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const routes = Router();
  const hot = exactRoutes();
  routes.use(hot.dispatch);
  routes.use(challengeRoutes(deps.door, deps.schedules));
  routes.use(queueTokenRoutes(deps.waitingRoom, deps.schedules, deps.door, hot));
  routes.use(queueStatsRoutes(deps.waitingRoom));
  routes.use(roomAdminRoutes(deps.waitingRoom, deps.schedules, deps.logger));
  routes.use(verifyRoutes(deps.waitingRoom, hot));
  routes.use(waitingRoomAdminRoutes(deps.waitingRoom.controls, deps.logger));
  routes.use(answerStoreOutage);
  return createHttpApp({
    logger: deps.logger,
    routes,
    callers: {
      secret: deps.internalAuthSecret,
      alsoAccepted: deps.acceptedInternalAuthSecrets,
      audience: 'queue',
    },
    readiness: deps.readiness,
    degradedWithout: deps.degradedWithout,
    isShuttingDown: deps.isShuttingDown,
  });
}
