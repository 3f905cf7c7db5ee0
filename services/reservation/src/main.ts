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
import { createApp } from './app';
import { config } from './config';
import { startPaymentAnswerConsumer } from './consumers/payment-answer-consumer';
import { openStores } from './infra/stores';
import { measureWaitlistSize } from './infra/waitlist-size-gauge';
import { startJobs } from './jobs/start-jobs';

runMain({ service: 'reservation', config, telemetry }, async (running) => {
  const { logger, shutdown } = running;
  const stores = openStores(config, running);
  const waitlistOfferRules = {
    offerSeconds: config.WAITLIST_OFFER_SECONDS ?? config.HOLD_TTL_SECONDS,
    maxHoldsPerUser: config.MAX_HOLDS_PER_USER,
  };
  measureWaitlistSize(stores.db, logger);

  const kafka = startKafka({
    clientId: 'reservation',
    brokers: config.KAFKA_BROKERS,
    credentials: kafkaCredentialsOf(config),
    tls: kafkaTlsOf(config),
    namespace: config.KAFKA_NAMESPACE,
    topics: topicsToCreate(config.KAFKA_NAMESPACE),
    outbox: stores.db,
    ...running,
    startConsumer: (parts) =>
      startPaymentAnswerConsumer({ ...parts, ...stores, logger, offerRules: waitlistOfferRules }),
  });

  // Holds and payments need only PostgreSQL; Redis only speeds claims, Kafka waits in the outbox.
  const probes: ProbeOptions = {
    readiness: { postgres: () => stores.db.$queryRaw`SELECT 1` },
    degradedWithout: { redis: () => stores.redis.ping(), ...kafka.checks },
    isShuttingDown: shutdown.isShuttingDown,
  };
  const app = createApp({
    ...stores,
    logger,
    internalAuthSecret: config.INTERNAL_AUTH_SECRET,
    acceptedInternalAuthSecrets: config.INTERNAL_AUTH_ACCEPTED_SECRETS,
    holdRules: {
      holdTtlSeconds: config.HOLD_TTL_SECONDS,
      maxHoldsPerUser: config.MAX_HOLDS_PER_USER,
    },
    paymentWaitMs: config.PAYMENT_WAIT_MS,
    cancellationCutoffHours: config.CANCELLATION_CUTOFF_HOURS,
    ...probes,
  });
  await serve(app, { port: config.PORT, host: config.HOST, ...running });
  await serveManagement(probes, config, running);
  startJobs(config, stores, running);
});
