import { createTestNamespace, eventually, testKafka } from '@headliner/testing';
import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { register } from 'prom-client';
import { createPgPool, sqlDatabase, type SqlDatabase } from '../src/database/sql-database';
import { startOutboxRelay, type OutboxRelay } from '../src/messaging/outbox-relay';
import { aHold } from './support/booking-events';
import { quietLogger } from './support/ticket-service';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const pendingEvents = async () =>
  (await register.getSingleMetric('outbox_pending_events')?.get())?.values[0]?.value;

describe('when the outbox relay cannot reach Kafka', () => {
  const kafka = testKafka();
  let namespace: Awaited<ReturnType<typeof createTestNamespace>>;
  let database: TestDatabase;
  let pool: Pool;
  let db: SqlDatabase;
  let producer: Producer;
  let relay: OutboxRelay;

  beforeAll(async () => {
    namespace = await createTestNamespace(kafka);
    database = await createTestDatabase();
    pool = createPgPool(database.url, 4);
    db = sqlDatabase(pool, { kafkaNamespace: namespace.namespace, logger: quietLogger });
    // Not connected yet: every pass fails to send, and its rows stay unpublished.
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  });

  afterAll(async () => {
    await relay?.stop();
    await producer?.disconnect();
    await pool?.end();
    await database?.drop();
    await namespace?.remove();
  });

  it('reports every unpublished event, a backlog beyond one batch included', async () => {
    for (let i = 0; i < 5; i += 1) await db.$transaction((tx) => tx.publish(aHold()));
    relay = startOutboxRelay({ db, producer, logger: quietLogger, batchSize: 2 });

    expect(await eventually(pendingEvents, (pending) => pending === 5)).toBe(5);
  });

  it('reports none once Kafka is back and the relay has sent them', async () => {
    await producer.connect();

    expect(await eventually(pendingEvents, (pending) => pending === 0, 30_000)).toBe(0);
  });
});
