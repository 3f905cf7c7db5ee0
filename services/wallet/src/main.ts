import { telemetry } from './telemetry'; // first: tracing patches http and express before they load
import { topicsToCreate } from '@headliner/contracts';
import {
  kafkaCredentialsOf,
  kafkaTlsOf,
  runMain,
  serve,
  serveManagement,
  startKafka,
  type ProbeOptions,
} from '@headliner/platform';
import { openDatabase } from '@headliner/platform/database';
import { createApp } from './app';
import { config } from './config';
import { startPaymentSagaConsumer } from './consumers/payment-saga-consumer';

runMain({ service: 'wallet', config, telemetry }, async (running) => {
  const { logger, shutdown } = running;
  // The payment saga consumer alone keeps up to 8 transactions open, and charges need some too.
  const db = openDatabase(
    config.DATABASE_URL,
    { poolSize: config.DATABASE_POOL_SIZE, kafkaNamespace: config.KAFKA_NAMESPACE },
    running,
  );

  const kafka = startKafka({
    clientId: 'wallet',
    brokers: config.KAFKA_BROKERS,
    credentials: kafkaCredentialsOf(config),
    tls: kafkaTlsOf(config),
    namespace: config.KAFKA_NAMESPACE,
    topics: topicsToCreate(config.KAFKA_NAMESPACE),
    outbox: db,
    ...running,
    startConsumer: (parts) => startPaymentSagaConsumer({ ...parts, db, logger }),
  });

  // Charges and balance reads need only PostgreSQL; the saga waits for Kafka.
  const probes: ProbeOptions = {
    readiness: { postgres: () => db.$queryRaw`SELECT 1` },
    degradedWithout: kafka.checks,
    isShuttingDown: shutdown.isShuttingDown,
  };
  const app = createApp({
    db,
    maxBalance: config.MAX_BALANCE_WON,
    dailyChargeCap: config.WALLET_DAILY_CHARGE_CAP_WON,
    logger,
    internalAuthSecret: config.INTERNAL_AUTH_SECRET,
    acceptedInternalAuthSecrets: config.INTERNAL_AUTH_ACCEPTED_SECRETS,
    ...probes,
  });
  await serve(app, { port: config.PORT, host: config.HOST, ...running });
  await serveManagement(probes, config, running);
});
