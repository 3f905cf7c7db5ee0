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
import { startPaymentReleaseConsumer } from './consumers/payment-release-consumer';
import { openDoor } from './infra/open-door';
import { openWaitingRoom } from './infra/open-waiting-room';
import { createScheduleCatalogue } from './infra/schedule-catalogue';
import { startJobs } from './jobs/start-jobs';
import { exposeWaitingRoomSettings } from './metrics';

runMain({ service: 'queue', config, telemetry }, async (running) => {
  const { logger, shutdown } = running;
  const { redis, waitingRoom } = openWaitingRoom(config, running);
  exposeWaitingRoomSettings(() => waitingRoom.controls.snapshot());

  const kafka = startKafka({
    clientId: 'queue',
    brokers: config.KAFKA_BROKERS,
    credentials: kafkaCredentialsOf(config),
    tls: kafkaTlsOf(config),
    namespace: config.KAFKA_NAMESPACE,
    topics: topicsToCreate(config.KAFKA_NAMESPACE),
    ...running,
    startConsumer: (parts) => startPaymentReleaseConsumer({ ...parts, waitingRoom, logger }),
  });

  // Without Kafka tokens are still issued and admitted; a payment frees its slot later.
  const probes: ProbeOptions = {
    readiness: { redis: () => redis.ping() },
    degradedWithout: kafka.checks,
    isShuttingDown: shutdown.isShuttingDown,
  };
  const app = createApp({
    logger,
    internalAuthSecret: config.INTERNAL_AUTH_SECRET,
    acceptedInternalAuthSecrets: config.INTERNAL_AUTH_ACCEPTED_SECRETS,
    waitingRoom,
    schedules: createScheduleCatalogue({
      concertUrl: config.CONCERT_URL,
      timeoutMs: config.CONCERT_TIMEOUT_MS,
      internalAuthSecret: config.INTERNAL_AUTH_SECRET,
      logger,
    }),
    door: openDoor(config, redis, waitingRoom),
    ...probes,
  });
  await serve(app, { port: config.PORT, host: config.HOST, ...running });
  await serveManagement(probes, config, running);
  startJobs(config, { waitingRoom }, running);
});
