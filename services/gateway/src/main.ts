import { config, telemetry } from './telemetry'; // first: tracing patches http before it loads
import { createLogger, createShutdown, watchRedisConnection } from '@headliner/platform';
import { createApp } from './app';
import { createPrisma } from './infra/prisma';
import { createRedis } from './infra/redis';

const logger = createLogger({
  service: 'gateway',
  level: config.LOG_LEVEL,
  format: config.LOG_FORMAT,
});
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
shutdown.onClose('telemetry', () => telemetry.shutdown());

const prisma = createPrisma(config.DATABASE_URL);
shutdown.onClose('postgres', () => prisma.$disconnect());
const redis = createRedis(config.REDIS_URL, config.REDIS_COMMAND_TIMEOUT_MS);
shutdown.onClose('redis', () => redis.quit());
watchRedisConnection(redis, logger, 'rate-limits');
// Not awaited: rate limiting fails open until Redis is there, and readiness reports it meanwhile.
redis.connect().catch((error: unknown) => logger.warn({ err: error }, 'redis not reachable yet'));

const app = createApp({ config, logger, prisma, redis, isShuttingDown: shutdown.isShuttingDown });
// Every fan connects here, and on sale thousands arrive within a second or two: more than Node's
// default accept queue (511) holds while the event loop is busy, and the kernel reset the rest.
// The kernel caps the backlog at net.core.somaxconn.
const server = app.listen({ port: config.PORT, backlog: 4096 }, () =>
  logger.info({ port: config.PORT }, 'gateway listening'),
);
shutdown.trackServer(server);
