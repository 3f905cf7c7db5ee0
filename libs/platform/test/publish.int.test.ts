import { topics } from '@headliner/contracts';
import { createTestNamespace, readMessages, testKafka } from '@headliner/testing';
import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { createPgPool, sqlDatabase, type SqlDatabase } from '../src/database/sql-database';
import { startOutboxRelay, type OutboxRelay } from '../src/messaging/outbox-relay';
import { aHold } from './support/booking-events';
import { quietLogger } from './support/ticket-service';
import { createTestDatabase, type TestDatabase } from './support/test-database';

describe('when a transaction publishes an event', () => {
  const kafka = testKafka();
  let namespace: Awaited<ReturnType<typeof createTestNamespace>>;
  let database: TestDatabase;
  let pool: Pool;
  let db: SqlDatabase;
  let producer: Producer;
  let relay: OutboxRelay;

  const outboxRows = () =>
    db.$queryRaw<{ event_id: string; topic: string; key: string }[]>`
      SELECT event_id, topic, key FROM outbox_events ORDER BY id`;

  beforeAll(async () => {
    namespace = await createTestNamespace(kafka);
    database = await createTestDatabase();
    pool = createPgPool(database.url, 4);
    db = sqlDatabase(pool, { kafkaNamespace: namespace.namespace, logger: quietLogger });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    // An idle tick far beyond the test's wait: only the commit can make the relay send in time.
    relay = startOutboxRelay({ db, producer, logger: quietLogger, idleIntervalMs: 10 * 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
  });

  afterAll(async () => {
    await relay?.stop();
    await producer?.disconnect();
    await pool?.end();
    await database?.drop();
    await namespace?.remove();
  });

  it('queues it on its registry topic, under the namespace, keyed as the registry says', async () => {
    const held = aHold();
    await db.$transaction((tx) => tx.publish(held));

    const rows = (await outboxRows()).filter((row) => row.event_id === held.eventId);
    expect(rows).toEqual([
      {
        event_id: held.eventId,
        topic: `${namespace.namespace}${topics.reservationHeld.name}`,
        key: held.payload.reservationId,
      },
    ]);
  });

  it('is sent by the relay as soon as the transaction commits, with no call to wake it', async () => {
    const held = aHold();
    await db.$transaction((tx) => tx.publish(held));

    const sent = await readMessages(kafka, namespace.topics.reservationHeld, 2, 20_000);
    const values = sent.map((message) => JSON.parse(message.value?.toString() ?? 'null'));
    expect(values).toContainEqual(held);
    const mine = sent.find((message) => message.value?.toString().includes(held.eventId));
    expect(mine?.key?.toString()).toBe(held.payload.reservationId);
  });

  it('queues nothing when the transaction rolls back', async () => {
    const held = aHold();
    await expect(
      db.$transaction(async (tx) => {
        await tx.publish(held);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect((await outboxRows()).map((row) => row.event_id)).not.toContain(held.eventId);
  });
});
