// Telemetry first: it must patch http and express before anything below loads them.
import { telemetry } from './telemetry';
import { topicsToCreate } from '@headliner/contracts';
import {
  connectKafkaInBackground,
  createKafka,
  createLogger,
  createProducer,
  createShutdown,
} from '@headliner/platform';
import { createPgPool, sqlDatabase } from '@headliner/platform/database';
import { createApp } from './app';
import { createCatalogueCache } from './infra/catalogue-cache';
import { config } from './config';
import { startReservationEventsConsumer } from './consumers/reservation-events-consumer';
import { createPrisma } from './infra/prisma';
import { createRedis } from './infra/redis';

const logger = createLogger({
  service: 'concert',
  level: config.LOG_LEVEL,
  format: config.LOG_FORMAT,
});

async function main(): Promise<void> {
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  shutdown.onClose('telemetry', () => telemetry.shutdown());

  const prisma = createPrisma(config.DATABASE_URL);
  shutdown.onClose('postgres', () => prisma.$disconnect());
  // The reservation events consumer keeps up to 8 transactions open.
  const consumerPool = createPgPool(config.DATABASE_URL, 10, logger);
  shutdown.onClose('postgres (events consumer)', () => consumerPool.end());
  const redisUrl = config.CATALOGUE_CACHE === 'on' ? config.REDIS_URL : undefined;
  const redis = redisUrl === undefined ? undefined : createRedis(redisUrl, logger);
  if (redis) shutdown.onClose('redis', () => redis.quit());
  const cache =
    redis &&
    createCatalogueCache({
      redis,
      prefix: config.CACHE_KEY_PREFIX,
      ttlSeconds: config.CACHE_TTL_SECONDS,
    });

  const kafka = createKafka({ clientId: 'concert', brokers: config.KAFKA_BROKERS, logger });
  const producer = createProducer(kafka);
  shutdown.onClose('kafka producer', () => producer.disconnect());
  const kafkaLink = connectKafkaInBackground({
    kafka,
    topics: topicsToCreate(config.KAFKA_NAMESPACE),
    producer,
    logger,
    startConsumer: () =>
      startReservationEventsConsumer({
        kafka,
        producer,
        db: sqlDatabase(consumerPool, { logger, kafkaNamespace: config.KAFKA_NAMESPACE }),
        cache,
        logger,
        kafkaNamespace: config.KAFKA_NAMESPACE,
      }),
  });
  shutdown.onClose('kafka', () => kafkaLink.stop());

  // The catalogue answers from PostgreSQL without its Redis cache, and without Kafka, whose
  // reservation events only bring seat states up to date.
  const app = createApp({
    prisma,
    cache,
    sharedMaxAgeSeconds: config.CATALOGUE_SHARED_MAX_AGE_SECONDS,
    logger,
    readiness: { postgres: () => prisma.$queryRaw`SELECT 1` },
    degradedWithout: {
      ...kafkaLink.checks,
      ...(redis && { redis: () => redis.ping() }),
    },
    isShuttingDown: shutdown.isShuttingDown,
  });
  const server = app.listen(config.PORT, (error) => {
    if (error) throw error;
    logger.info({ port: config.PORT, cache: config.CATALOGUE_CACHE }, 'concert listening');
  });
  shutdown.trackServer(server);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'concert failed to start');
  process.exit(1);
});
