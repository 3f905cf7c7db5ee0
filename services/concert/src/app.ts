import { createHttpApp, type Logger, type ReadinessChecks } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router, type Express } from 'express';
import type { CatalogueCache } from './infra/catalogue-cache';
import { cachedReads } from './infra/cached-reads';
import { databaseReads } from './infra/database-reads';
import { adminRoutes } from './http/admin-routes';
import { catalogueRoutes } from './http/catalogue-routes';
import { saleHoldRoutes } from './http/sale-hold-routes';

export interface AppDeps {
  db: SqlDatabase;
  /** Absent when CATALOGUE_CACHE=off: every read goes to PostgreSQL. */
  cache?: CatalogueCache;
  /** How long shared caches (the gateway) may keep a catalogue answer, when the cache is on. */
  sharedMaxAgeSeconds?: number;
  logger: Logger;
  /** INTERNAL_AUTH_SECRET: every route needs a statement signed with it for the concert. */
  internalAuthSecret: string;
  /** INTERNAL_AUTH_ACCEPTED_SECRETS: also accepted while the secret rotates. */
  acceptedInternalAuthSecrets?: readonly string[];
  readiness?: ReadinessChecks;
  degradedWithout?: ReadinessChecks;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const { db, cache, logger } = deps;
  const reads = cache ? cachedReads(db, cache, logger) : databaseReads(db);
  const cacheControl = cache ? `public, max-age=${deps.sharedMaxAgeSeconds ?? 1}` : 'no-store';
  const routes = Router();
  routes.use(
    catalogueRoutes(reads, cacheControl),
    adminRoutes({ db, cache, logger }),
    saleHoldRoutes({ db, cache, logger }),
  );
  return createHttpApp({
    logger,
    routes,
    callers: {
      secret: deps.internalAuthSecret,
      alsoAccepted: deps.acceptedInternalAuthSecrets,
      audience: 'concert',
    },
    readiness: deps.readiness,
    degradedWithout: deps.degradedWithout,
    isShuttingDown: deps.isShuttingDown,
  });
}
