import { createHttpApp, type Logger, type ReadinessChecks } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router, type Express } from 'express';
import { chargeRoute } from './http/charge-route';
import { transactionsRoute } from './http/transactions-route';
import { walletRoute } from './http/wallet-route';

export interface AppDeps {
  /** The service's SQL on pg, which the HTTP routes query. */
  db: SqlDatabase;
  /** MAX_BALANCE_WON: no charge takes a balance past it. */
  maxBalance: number;
  /** WALLET_DAILY_CHARGE_CAP_WON: what one user may charge per day (Asia/Seoul). */
  dailyChargeCap: number;
  logger: Logger;
  /** INTERNAL_AUTH_SECRET: every route needs a statement signed with it for the wallet. */
  internalAuthSecret: string;
  /** INTERNAL_AUTH_ACCEPTED_SECRETS: also accepted while the secret rotates. */
  acceptedInternalAuthSecrets?: readonly string[];
  readiness?: ReadinessChecks;
  degradedWithout?: ReadinessChecks;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const routes = Router();
  routes.use(
    walletRoute(deps.db),
    transactionsRoute(deps.db),
    chargeRoute(deps.db, { maxBalance: deps.maxBalance, dailyCap: deps.dailyChargeCap }),
  );
  return createHttpApp({
    logger: deps.logger,
    routes,
    callers: {
      secret: deps.internalAuthSecret,
      alsoAccepted: deps.acceptedInternalAuthSecrets,
      audience: 'wallet',
    },
    readiness: deps.readiness,
    degradedWithout: deps.degradedWithout,
    isShuttingDown: deps.isShuttingDown,
  });
}
