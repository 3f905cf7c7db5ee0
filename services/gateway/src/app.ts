import { routes as contractRoutes } from '@headliner/contracts';
import { createHttpApp, type Logger, type ProbeOptions } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router, type Express } from 'express';
import type { Redis } from 'ioredis';
import type { GatewayConfig } from './config';
import { accessTokens } from './domain/access-token';
import { adminUserIdOf } from './domain/admin-account';
import { credentialCheck } from './domain/credentials';
import { apiRouter } from './http/api-routes';
import { authHandlers } from './http/auth-handlers';
import { cors } from './http/cors';
import { docsOperations, docsRoutes } from './http/docs-routes';
import { rateLimit } from './http/rate-limit';
import { inProcessRateLimiter } from './infra/in-process-rate-limiter';
import { redisRateLimiter } from './infra/rate-limiter';
import { createResponseCache } from './infra/response-cache';
import { internalStatements } from './infra/internal-statements';
import { createUpstreams } from './infra/upstreams';
import { sqlUsers } from './infra/users';

export interface AppDeps {
  config: GatewayConfig;
  logger: Logger;
  db: SqlDatabase;
  redis: Redis;
  isShuttingDown?: () => boolean;
}

export function createApp({ config, logger, db, redis, isShuttingDown }: AppDeps): Express {
  const users = sqlUsers(db);
  const tokens = accessTokens(config.JWT_SECRET, config.JWT_TTL_SECONDS);
  const checkCredentials = credentialCheck({
    admin: {
      username: config.ADMIN_USERNAME,
      userId: config.ADMIN_USER_ID ?? adminUserIdOf(config.ADMIN_USERNAME),
      password: config.ADMIN_PASSWORD,
    },
    findUser: (username) => users.find(username),
    scryptCost: config.PASSWORD_SCRYPT_COST,
  });

  const routes = Router();
  routes.use(cors(config.CORS_ALLOWED_ORIGINS));
  routes.use(docsRoutes());
  routes.use(
    apiRouter({
      tokens,
      upstreams: createUpstreams(config, logger),
      statements: internalStatements(config.INTERNAL_AUTH_SECRET),
      newResponseCache: () => createResponseCache(config.RESPONSE_CACHE_MAX_ENTRIES),
      rateLimit: rateLimit({
        userLimiter: redisRateLimiter(redis, config.RATE_LIMIT_KEY_PREFIX),
        perUser: { perSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST },
        anonymousLimiter: inProcessRateLimiter(),
        perAnonymousClient: {
          perSecond: config.RATE_LIMIT_ANONYMOUS_PER_SECOND,
          burst: config.RATE_LIMIT_ANONYMOUS_BURST,
        },
        logger,
      }),
      ownHandlers: authHandlers({
        users,
        checkCredentials,
        tokens,
        adminUsername: config.ADMIN_USERNAME,
        scryptCost: config.PASSWORD_SCRYPT_COST,
      }),
    }),
  );

  return createHttpApp({
    logger,
    routes,
    // Only what the gateway routes: the services' internal paths stay unknown (404) here.
    operations: [...contractRoutes, ...docsOperations],
    ...gatewayProbes({ db, redis, isShuttingDown }),
  });
}

/** What the gateway's readiness asks, on its public port and on its management port. */
export function gatewayProbes({
  db,
  redis,
  isShuttingDown,
}: Pick<AppDeps, 'db' | 'redis' | 'isShuttingDown'>): ProbeOptions {
  return {
    isShuttingDown,
    // Upstreams are left out on purpose: with one service down the gateway still serves the rest,
    // answering 503 for that service's routes. Redis only counts requests for the rate limiter,
    // which lets them through while it is away: a Redis outage must not empty the gateway pool.
    readiness: { postgres: () => db.$queryRaw`SELECT 1` },
    degradedWithout: { redis: () => redis.ping() },
  };
}
