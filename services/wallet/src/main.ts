// Telemetry first: it must patch http and express before anything below loads them.
import { telemetry } from './telemetry';
import { topicsToCreate } from '@headliner/contracts';
import {
  connectKafkaInBackground,
  createKafka,
  createLogger,
  createProducer,
  createShutdown,
  startOutboxRelay,
} from '@headliner/platform';
import { createPgPool, sqlDatabase } from '@headliner/platform/database';
import { createApp } from './app';
import { config } from './config';
import { startPaymentSagaConsumer } from './consumers/payment-saga-consumer';

const logger = createLogger({
  service: 'wallet',
  level: config.LOG_LEVEL,
  format: config.LOG_FORMAT,
});

async function main(): Promise<void> {
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  shutdown.onClose('telemetry', () => telemetry.shutdown());

  // The payment saga consumer alone keeps up to 8 transactions open, and charges need some too.
  const pool = createPgPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE, logger);
  shutdown.onClose('postgres', () => pool.end());
  const db = sqlDatabase(pool, { logger, kafkaNamespace: config.KAFKA_NAMESPACE });
  const kafka = createKafka({ clientId: 'wallet', brokers: config.KAFKA_BROKERS, logger });
  const producer = createProducer(kafka);
  shutdown.onClose('kafka producer', () => producer.disconnect());
  // Until the producer connects, the relay's passes fail and the outbox keeps the events.
  const relay = startOutboxRelay({ db, producer, logger });
  shutdown.onClose('outbox relay', () => relay.stop());
  const kafkaLink = connectKafkaInBackground({
    kafka,
    topics: topicsToCreate(config.KAFKA_NAMESPACE),
    producer,
    logger,
    startConsumer: () =>
      startPaymentSagaConsumer({
        kafka,
        db,
        producer,
        logger,
        kafkaNamespace: config.KAFKA_NAMESPACE,
      }),
  });
  shutdown.onClose('kafka', () => kafkaLink.stop());

  // Charges and balance reads need only PostgreSQL; the saga waits for Kafka.
  const app = createApp({
    db,
    maxBalance: config.MAX_BALANCE_WON,
    logger,
    readiness: { postgres: () => db.$queryRaw`SELECT 1` },
    degradedWithout: kafkaLink.checks,
    isShuttingDown: shutdown.isShuttingDown,
  });
  const server = app.listen(config.PORT, (error) => {
    if (error) throw error;
    logger.info({ port: config.PORT }, 'wallet listening');
  });
  shutdown.trackServer(server);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'wallet failed to start');
  process.exit(1);
});
