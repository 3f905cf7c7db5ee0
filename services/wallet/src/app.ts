import { createHttpApp, type Logger, type ReadinessChecks } from '@headliner/platform';
import { Router, type Express } from 'express';
import type { PrismaClient } from './generated/prisma/client';
import { chargeRoute } from './http/charge-route';
import { walletRoute } from './http/wallet-route';

export interface AppDeps {
  prisma: PrismaClient;
  logger: Logger;
  readiness?: ReadinessChecks;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const routes = Router();
  routes.use(walletRoute(deps.prisma), chargeRoute(deps.prisma));
  return createHttpApp({
    logger: deps.logger,
    routes,
    readiness: deps.readiness,
    isShuttingDown: deps.isShuttingDown,
  });
}
