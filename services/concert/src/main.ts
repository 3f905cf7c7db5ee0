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
import { startReservationEventsConsumer } from './consumers/reservation-events-consumer';
import { countSchedulesOnHold } from './infra/schedules-on-hold';
import { openStores } from './infra/stores';
import { countSchedulesOnHoldWith } from './metrics';

runMain({ service: 'concert', config, telemetry }, async (running) => {
  const { logger, shutdown } = running;
  const { db, redis, cache } = openStores(config, running);
  countSchedulesOnHoldWith(() => countSchedulesOnHold(db));

  const kafka = startKafka({
    clientId: 'concert',
    brokers: config.KAFKA_BROKERS,
    credentials: kafkaCredentialsOf(config),
    tls: kafkaTlsOf(config),
    namespace: config.KAFKA_NAMESPACE,
    topics: topicsToCreate(config.KAFKA_NAMESPACE),
    outbox: db,
    ...running,
    startConsumer: (parts) => startReservationEventsConsumer({ ...parts, db, cache, logger }),
  });

  // Reads need only PostgreSQL; the cache speeds them and reservation events update seat states.
  // A sale held while Kafka is away reaches the reservation service from the outbox later.
  const probes: ProbeOptions = {
    readiness: { postgres: () => db.$queryRaw`SELECT 1` },
    degradedWithout: { ...kafka.checks, ...(redis && { redis: () => redis.ping() }) },
    isShuttingDown: shutdown.isShuttingDown,
  };
  const app = createApp({
    db,
    cache,
    logger,
    internalAuthSecret: config.INTERNAL_AUTH_SECRET,
    acceptedInternalAuthSecrets: config.INTERNAL_AUTH_ACCEPTED_SECRETS,
    sharedMaxAgeSeconds: config.CATALOGUE_SHARED_MAX_AGE_SECONDS,
    ...probes,
  });
  await serve(app, { port: config.PORT, host: config.HOST, ...running });
  await serveManagement(probes, config, running);
});
