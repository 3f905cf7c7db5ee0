import { telemetry } from './telemetry';
import { config } from './config';
import { topicsToCreate } from '@headliner/contracts';
import {
  connectKafkaInBackground,
  createKafka,
  createLogger,
  createProducer,
  createShutdown,
} from '@headliner/platform';
import { createApp } from './app';
import { startPaymentReleaseConsumer } from './consumers/payment-release-consumer';
import { createRequestRedis, createWorkerRedis } from './infra/redis-connections';
import { createWaitingRoom } from './infra/waiting-room';
import { startSweep } from './jobs/sweep-worker';

async function main(): Promise<void> {
  const logger = createLogger({
    service: 'queue',
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
  });
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  shutdown.onClose('telemetry', () => telemetry.shutdown());

  // Not awaited: until Redis is there, requests are answered 503 and readiness says why.
  const redis = createRequestRedis(config.REDIS_URL, config.REDIS_COMMAND_TIMEOUT_MS, logger);
  shutdown.onClose('redis', () => redis.quit());
  const sweepRedis = createWorkerRedis(config.REDIS_URL, logger);
  shutdown.onClose('sweep redis', () => sweepRedis.quit());
  const kafka = createKafka({ clientId: 'queue', brokers: config.KAFKA_BROKERS, logger });
  const producer = createProducer(kafka);
  shutdown.onClose('kafka producer', () => producer.disconnect());

  const waitingRoom = createWaitingRoom({
    redis,
    keyPrefix: config.QUEUE_KEY_PREFIX,
    rules: {
      activeLimit: config.ACTIVE_LIMIT,
      activeTtlSeconds: config.ACTIVE_TTL_SECONDS,
      waitIdleSeconds: config.WAIT_IDLE_TTL_SECONDS,
    },
  });
  const kafkaLink = connectKafkaInBackground({
    kafka,
    topics: topicsToCreate(config.KAFKA_NAMESPACE),
    producer,
    logger,
    startConsumer: () =>
      startPaymentReleaseConsumer({
        kafka,
        producer,
        kafkaNamespace: config.KAFKA_NAMESPACE,
        waitingRoom,
        logger,
      }),
  });
  shutdown.onClose('kafka', () => kafkaLink.stop());

  // Without Kafka, tokens are still issued and admitted; a payment frees its slot later.
  const app = createApp({
    logger,
    waitingRoom,
    readiness: { redis: () => redis.ping() },
    degradedWithout: kafkaLink.checks,
    isShuttingDown: shutdown.isShuttingDown,
  });
  const server = app.listen(config.PORT, () => logger.info({ port: config.PORT }, 'listening'));
  shutdown.trackServer(server);

  const sweep = startSweep({
    connection: sweepRedis,
    keyPrefix: config.QUEUE_KEY_PREFIX,
    intervalMs: config.SWEEP_INTERVAL_MS,
    waitingRoom,
    logger,
  });
  shutdown.onClose('sweep', () => sweep.close());
}

main().catch((error: unknown) => {
  process.stderr.write(`queue failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
