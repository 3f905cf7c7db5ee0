import { routes as contractRoutes } from '@headliner/contracts';
import { createHttpApp, type Logger, type ProbeOptions } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router, type Express } from 'express';
import type { Redis } from 'ioredis';
import type { GatewayConfig } from './config';
import { accessTokens } from './domain/access-token';
import { adminUserIdOf } from './domain/admin-account';
import { credentialCheck } from './domain/credentials';
import { passwordHashing } from './domain/password-hashing';
import { signInPacing } from './domain/sign-in-pacing';
import { sessions } from './domain/sessions';
import { apiRouter } from './http/api-routes';
import { authHandlers } from './http/auth-handlers';
import { bookingSloSeries } from './http/booking-slo-series';
import { cors } from './http/cors';
import { docsOperations, docsRoutes } from './http/docs-routes';
import { doorLimit } from './http/door-limit';
import { loginThrottle } from './http/login-throttle';
import { rateLimit } from './http/rate-limit';
import { signupThrottle } from './http/signup-throttle';
import { redisAttemptWindows } from './infra/attempt-windows';
import { inProcessRateLimiter } from './infra/in-process-rate-limiter';
import { leasedRateLimiter } from './infra/leased-rate-limiter';
import { redisTokenBuckets } from './infra/rate-limiter';
import { createResponseCache } from './infra/response-cache';
import { internalStatements } from './infra/internal-statements';
import { sqlRefreshTokens } from './infra/refresh-tokens';
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
  const tokens = accessTokens({
    secret: config.JWT_SECRET,
    ttlSeconds: config.JWT_TTL_SECONDS,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  const hashing = passwordHashing(
    { cost: config.PASSWORD_SCRYPT_COST, parallelism: config.PASSWORD_SCRYPT_PARALLELISM },
    config.PASSWORD_HASHES_IN_FLIGHT,
    signInPacing(config.SIGN_IN_RETRY_AFTER_MAX_SECONDS),
  );
  const checkCredentials = credentialCheck({
    admin: {
      username: config.ADMIN_USERNAME,
      userId: config.ADMIN_USER_ID ?? adminUserIdOf(config.ADMIN_USERNAME),
      password: config.ADMIN_PASSWORD,
    },
    findUser: (username) => users.find(username),
    replaceHash: (userId, outdated, renewed) => users.replaceHash(userId, outdated, renewed),
    hashing,
  });
  const attemptWindows = redisAttemptWindows(redis, config.RATE_LIMIT_KEY_PREFIX);
  const sharedLimiter = () =>
    leasedRateLimiter(redisTokenBuckets(redis, config.RATE_LIMIT_KEY_PREFIX), {
      maxTokens: config.RATE_LIMIT_LEASE_TOKENS,
      leaseMs: config.RATE_LIMIT_LEASE_MS,
    });

  const routes = Router();
  routes.use(cors(config.CORS_ALLOWED_ORIGINS));
  routes.use(
    apiRouter({
      tokens,
      upstreams: createUpstreams(config, logger),
      statements: internalStatements(config.INTERNAL_AUTH_SECRET),
      newResponseCache: () => createResponseCache(config.RESPONSE_CACHE_MAX_ENTRIES),
      rateLimit: rateLimit({
        userLimiter: sharedLimiter(),
        perUser: { perSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST },
        anonymousLimiter: inProcessRateLimiter(),
        perAnonymousClient: {
          perSecond: config.RATE_LIMIT_ANONYMOUS_PER_SECOND,
          burst: config.RATE_LIMIT_ANONYMOUS_BURST,
        },
        logger,
      }),
      doorLimit: doorLimit({
        limiter: sharedLimiter(),
        perIp: { perSecond: config.DOOR_PER_IP_PER_SECOND, burst: config.DOOR_PER_IP_BURST },
        logger,
      }),
      ownHandlers: authHandlers({
        users,
        checkCredentials,
        hashing,
        sessions: sessions(tokens, sqlRefreshTokens(db, config.REFRESH_TOKEN_TTL_SECONDS)),
        loginThrottle: loginThrottle({
          windows: attemptWindows,
          failuresPerUsername: config.LOGIN_FAILURES_PER_USERNAME,
          failuresPerIp: config.LOGIN_FAILURES_PER_IP,
          windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
          logger,
        }),
        signupThrottle: signupThrottle({
          windows: attemptWindows,
          perIp: config.SIGNUPS_PER_IP,
          windowSeconds: config.SIGNUP_WINDOW_SECONDS,
          logger,
        }),
        adminUsername: config.ADMIN_USERNAME,
      }),
    }),
  );
  // After the API: an API request does not walk the docs' routes first.
  routes.use(docsRoutes());

  const app = createHttpApp({
    logger,
    routes,
    // Only what the gateway routes: the services' internal paths stay unknown (404) here.
    operations: [...contractRoutes, ...docsOperations],
    zeroedRequestSeries: bookingSloSeries,
    ...gatewayProbes({ db, redis, isShuttingDown }),
  });
  // Which X-Forwarded-For to believe for req.ip, and so for every per-IP limit; none by default.
  app.set('trust proxy', config.TRUSTED_PROXIES.length > 0 ? config.TRUSTED_PROXIES : false);
  return app;
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
