import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, startOutboxRelay } from '@headliner/platform';
import {
  createTestDatabase,
  createTestNamespace,
  createTestRedis,
  infraUrl,
  testInternalAuthSecret,
  testKafka,
} from '@headliner/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import { Redis } from 'ioredis';
import type { Consumer } from 'kafkajs';
import { createApp, type AppDeps } from '../../src/app';
import { startPaymentAnswerConsumer } from '../../src/consumers/payment-answer-consumer';
import { PrismaClient } from '../../src/generated/prisma/client';
import { createHoldExpiryQueue } from '../../src/infra/hold-expiry-queue';
import { startHoldExpiryWorker } from '../../src/jobs/hold-expiry-worker';
import { createDatabase } from '../../src/infra/database';
import { createSeatCatalogue } from '../../src/infra/seat-catalogue';
import { createSeatClaims } from '../../src/infra/seat-claims';
import { watchPaymentOutcomes } from '../../src/infra/payment-outcome-watch';
import { startFakeConcert } from './fake-concert';
import { ServiceClient } from './service-client';

export const quietLogger = createLogger({ service: 'reservation-test', level: 'silent' });

export interface BookingServiceOptions {
  holdTtlSeconds?: number;
  maxHoldsPerUser?: number;
  paymentWaitMs?: number;
  sweepIntervalMs?: number;
  paymentTimeoutSeconds?: number;
  /** WAITLIST_OFFER_SECONDS; the hold TTL by default, as in the service. */
  offerSeconds?: number;
  cancellationCutoffHours?: number;
  /** Start the payment answer consumer (its group takes a few seconds to join). */
  consumer?: boolean;
}

/**
 * The reservation service wired as main.ts wires it, on a fresh database, a random topic
 * namespace, a random Redis prefix and a stand-in concert service; `stop()` removes it all.
 */
export async function startBookingService(options: BookingServiceOptions = {}) {
  const database = await createTestDatabase('headliner_reservation_template');
  const kafka = testKafka();
  const namespace = await createTestNamespace(kafka);
  const { topics } = namespace;
  const db = createDatabase(database.url, {
    logger: quietLogger,
    kafkaNamespace: namespace.namespace,
  });
  // What the tests read the tables through; the service itself runs its SQL on pg.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const relay = startOutboxRelay({ db, producer, logger: quietLogger, idleIntervalMs: 50 });
  const redis = createTestRedis();
  const workerRedis = new Redis(infraUrl('REDIS_URL'), { maxRetriesPerRequest: null });
  const claims = createSeatClaims(redis.redis, redis.prefix, quietLogger);
  const bullPrefix = `${redis.prefix}bull`;
  const holdExpiry = createHoldExpiryQueue(redis.redis, bullPrefix);
  const concert = await startFakeConcert();
  const outcomes = watchPaymentOutcomes(db, quietLogger);

  const seats = createSeatCatalogue({
    concertUrl: concert.url,
    timeoutMs: 2000,
    internalAuthSecret: testInternalAuthSecret,
    logger: quietLogger,
  });
  const holdRules = {
    holdTtlSeconds: options.holdTtlSeconds ?? 300,
    maxHoldsPerUser: options.maxHoldsPerUser ?? 4,
  };
  const deps: AppDeps = {
    db,
    logger: quietLogger,
    internalAuthSecret: testInternalAuthSecret,
    seats,
    claims,
    holdExpiry,
    holdRules,
    outcomes,
    paymentWaitMs: options.paymentWaitMs ?? 5000,
    cancellationCutoffHours: options.cancellationCutoffHours ?? 24,
  };
  const servers: Server[] = [];
  const serve = async (overrides: Partial<AppDeps> = {}) => {
    const server = await listen(createApp({ ...deps, ...overrides }));
    servers.push(server);
    return new ServiceClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  };

  let consumer: Consumer | undefined;
  if (options.consumer) {
    consumer = await startPaymentAnswerConsumer({
      kafka,
      producer,
      db,
      claims,
      outcomes,
      seats,
      holdExpiry,
      offerRules: {
        offerSeconds: options.offerSeconds ?? holdRules.holdTtlSeconds,
        maxHoldsPerUser: holdRules.maxHoldsPerUser,
      },
      logger: quietLogger,
      kafkaNamespace: namespace.namespace,
      group: `reservation-${randomUUID()}`,
    });
  }
  const worker = startHoldExpiryWorker({
    connection: workerRedis,
    prefix: bullPrefix,
    queue: holdExpiry,
    db,
    claims,
    logger: quietLogger,
    sweepIntervalMs: options.sweepIntervalMs ?? 60_000,
    paymentTimeoutSeconds: options.paymentTimeoutSeconds ?? 60,
  });

  return {
    db,
    prisma,
    kafka,
    topics,
    concert,
    holdExpiry,
    client: await serve(),
    serve,
    /** The events this service queued for a topic, oldest first. */
    outboxEvents: async (topic: string) => {
      const rows = await db.$queryRaw<{ value: string }[]>`
        SELECT value FROM outbox_events WHERE topic = ${topic} ORDER BY id`;
      return rows.map(
        (row) => JSON.parse(row.value) as { type: string; payload: Record<string, unknown> },
      );
    },
    stop: async () => {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      await worker.close();
      await consumer?.disconnect();
      await holdExpiry.close();
      workerRedis.disconnect();
      await redis.cleanup();
      await relay.stop();
      await producer.disconnect();
      await concert.stop();
      await db.$disconnect();
      await prisma.$disconnect();
      await namespace.remove();
      await database.drop();
    },
  };
}

export type BookingService = Awaited<ReturnType<typeof startBookingService>>;

function listen(app: ReturnType<typeof createApp>): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}
