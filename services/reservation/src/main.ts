// Telemetry first: it must patch http and express before anything loads them.
import { telemetry } from './telemetry';
import { topicsToCreate } from '@headliner/contracts';
import {
  connectKafkaInBackground,
  createKafka,
  createLogger,
  createProducer,
  createShutdown,
  startOutboxRelay,
  watchRedisConnection,
} from '@headliner/platform';
import { Redis } from 'ioredis';
import { createApp } from './app';
import { config } from './config';
import { startPaymentAnswerConsumer } from './consumers/payment-answer-consumer';
import { createHoldExpiryQueue } from './infra/hold-expiry-queue';
import { startHoldExpiryWorker } from './jobs/hold-expiry-worker';
import { createDatabase } from './infra/database';
import { createSeatCatalogue } from './infra/seat-catalogue';
import { createSeatClaims } from './infra/seat-claims';
import { watchPaymentOutcomes } from './infra/payment-outcome-watch';
import { startReconciliation } from './jobs/start-reconciliation';

async function main() {
  const logger = createLogger({
    service: 'reservation',
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
  });
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  shutdown.onClose('telemetry', () => telemetry.shutdown());

  const db = createDatabase(config.DATABASE_URL, {
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
    kafkaNamespace: config.KAFKA_NAMESPACE,
  });
  shutdown.onClose('postgres', () => db.$disconnect());
  const kafka = createKafka({ clientId: 'reservation', brokers: config.KAFKA_BROKERS, logger });
  const producer = createProducer(kafka);
  shutdown.onClose('kafka producer', () => producer.disconnect());
  // Until the producer connects, the relay's passes fail and the outbox keeps the events.
  const relay = startOutboxRelay({ db, producer, logger });
  shutdown.onClose('outbox relay', () => relay.stop());
  // Fail fast rather than queue commands while Redis is away: holds go on without it.
  const redis = watchRedisConnection(
    new Redis(config.REDIS_URL, { enableOfflineQueue: false, commandTimeout: 500 }),
    logger,
    'seat-claims',
  );
  shutdown.onClose('redis', () => redis.quit());
  const claims = createSeatClaims(redis, config.REDIS_KEY_PREFIX, logger);
  const holdExpiry = createHoldExpiryQueue(redis, `${config.REDIS_KEY_PREFIX}bull`);
  shutdown.onClose('hold expiry queue', () => holdExpiry.close());

  const outcomes = watchPaymentOutcomes(db, logger);
  const kafkaLink = connectKafkaInBackground({
    kafka,
    topics: topicsToCreate(config.KAFKA_NAMESPACE),
    producer,
    logger,
    startConsumer: () =>
      startPaymentAnswerConsumer({
        kafka,
        producer,
        db,
        claims,
        logger,
        outcomes,
        kafkaNamespace: config.KAFKA_NAMESPACE,
        group: 'reservation',
      }),
  });
  shutdown.onClose('kafka', () => kafkaLink.stop());

  const app = createApp({
    db,
    logger,
    seats: createSeatCatalogue({
      concertUrl: config.CONCERT_URL,
      timeoutMs: config.CONCERT_TIMEOUT_MS,
      logger,
    }),
    claims,
    holdExpiry,
    holdRules: {
      holdTtlSeconds: config.HOLD_TTL_SECONDS,
      maxHoldsPerUser: config.MAX_HOLDS_PER_USER,
    },
    outcomes,
    paymentWaitMs: config.PAYMENT_WAIT_MS,
    // Holds and payment requests need only PostgreSQL: without Redis the database alone decides
    // who holds a seat, and without Kafka the outbox keeps the events.
    readiness: { postgres: () => db.$queryRaw`SELECT 1` },
    degradedWithout: {
      redis: () => redis.ping(),
      ...kafkaLink.checks,
    },
    isShuttingDown: shutdown.isShuttingDown,
  });
  const server = app.listen(config.PORT, (error) => {
    if (error) throw error;
    logger.info({ port: config.PORT }, 'reservation service listening');
  });
  shutdown.trackServer(server);

  const workerRedis = watchRedisConnection(
    new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
    logger,
    'hold-expiry-worker',
  );
  shutdown.onClose('redis (expiry worker)', () => workerRedis.quit());
  const worker = startHoldExpiryWorker({
    connection: workerRedis,
    prefix: `${config.REDIS_KEY_PREFIX}bull`,
    queue: holdExpiry,
    db,
    claims,
    logger,
    sweepIntervalMs: config.EXPIRY_SWEEP_INTERVAL_MS,
    paymentTimeoutSeconds: config.PAYMENT_TIMEOUT_SECONDS,
  });
  shutdown.onClose('hold expiry worker', () => worker.close());
  const reconciliation = startReconciliation(config, { db, logger });
  shutdown.onClose('reconciliation', () => reconciliation.stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`reservation service failed to start: ${String(error)}\n`);
  process.exit(1);
});
