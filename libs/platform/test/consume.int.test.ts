import { randomUUID } from 'node:crypto';
import {
  newEvent,
  partitionKeyOf,
  ReservationReleasedEvent,
  type BookingEvent,
} from '@headliner/contracts';
import { createTestNamespace, eventually, readMessages, testKafka } from '@headliner/testing';
import type { Consumer, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import {
  createPgPool,
  sqlDatabase,
  type SqlDatabase,
  type SqlTransaction,
} from '../src/database/sql-database';
import { consume } from '../src/messaging/consume';
import { aHold, theSaleOf } from './support/booking-events';
import { quietLogger } from './support/ticket-service';
import { createTestDatabase, type TestDatabase } from './support/test-database';

describe('when a service consumes events by handlers of their types', () => {
  const kafka = testKafka();
  let namespace: Awaited<ReturnType<typeof createTestNamespace>>;
  let database: TestDatabase;
  let pool: Pool;
  let db: SqlDatabase;
  let producer: Producer;
  const consumers: Consumer[] = [];

  const send = (topic: string, ...events: BookingEvent[]) =>
    producer.send({
      topic,
      messages: events.map((event) => ({ key: 'k', value: JSON.stringify(event) })),
    });
  const onTheTestBroker = () => ({
    kafka,
    producer,
    logger: quietLogger,
    kafkaNamespace: namespace.namespace,
  });
  /** Deliveries the handlers wrote for this ticket (the event's reservation). */
  const deliveriesOf = async (reservationId: string) =>
    database.prisma.delivery.count({ where: { ticketId: reservationId } });

  beforeAll(async () => {
    namespace = await createTestNamespace(kafka);
    database = await createTestDatabase();
    pool = createPgPool(database.url, 8);
    db = sqlDatabase(pool, { kafkaNamespace: namespace.namespace, logger: quietLogger });
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await producer?.disconnect();
    await pool?.end();
    await database?.drop();
    await namespace?.remove();
  });

  describe('when they keep an inbox', () => {
    const told: string[] = [];

    beforeAll(async () => {
      const deliver = async (event: BookingEvent, tx: SqlTransaction) => {
        const reservationId = partitionKeyOf(event);
        await tx.$executeRaw`INSERT INTO deliveries (ticket_id) VALUES (${reservationId}::uuid)`;
        tx.afterCommit(() => told.push(event.eventId));
      };
      consumers.push(
        await consume({
          ...onTheTestBroker(),
          group: `inbox-${randomUUID()}`,
          inbox: db,
          retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
          handlers: { 'reservation.held': deliver, 'reservation.confirmed': deliver },
        }),
      );
    });

    it('reads every topic that carries a handled type, and applies a redelivered event once', async () => {
      const held = aHold();
      const sold = theSaleOf(aHold());
      await send(namespace.topics.reservationHeld, held, held);
      await send(namespace.topics.reservationConfirmed, sold);

      await eventually(
        () => deliveriesOf(sold.payload.reservationId),
        (n) => n === 1,
      );
      await eventually(
        () => deliveriesOf(held.payload.reservationId),
        (n) => n === 1,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await deliveriesOf(held.payload.reservationId)).toBe(1);
      expect(told.filter((eventId) => eventId === held.eventId)).toEqual([held.eventId]);
      expect(told).toContain(sold.eventId);
    });

    it('parks an event of a type it has no handler for in the topic’s DLQ', async () => {
      const { reservationId, seatId, scheduleId, userId } = aHold().payload;
      const released = newEvent(ReservationReleasedEvent, {
        reservationId,
        seatId,
        scheduleId,
        userId,
        reason: 'EXPIRED',
      });
      await send(namespace.topics.reservationHeld, released);

      const [letter] = await readMessages(kafka, `${namespace.topics.reservationHeld}.dlq`, 1);
      expect(letter?.headers?.['dlq-error-name']?.toString()).toBe('NonRetriableError');
      expect(JSON.parse(letter?.value?.toString() ?? 'null')).toEqual(released);
      expect(await deliveriesOf(reservationId)).toBe(0);
    });
  });

  describe('when they keep no inbox, recording applied events themselves', () => {
    it('hands each event to its handler, which says whether it was a duplicate', async () => {
      const seen = new Set<string>();
      const outcomes: string[] = [];
      consumers.push(
        await consume({
          ...onTheTestBroker(),
          group: `own-${randomUUID()}`,
          inbox: false,
          handlers: {
            'reservation.confirmed': async (event) => {
              const outcome = seen.has(event.eventId) ? 'duplicate' : 'applied';
              seen.add(event.eventId);
              outcomes.push(`${event.payload.paymentId}:${outcome}`);
              return outcome;
            },
          },
        }),
      );
      const sold = theSaleOf(aHold());
      await send(namespace.topics.reservationConfirmed, sold, sold);

      const mine = await eventually(
        () => Promise.resolve(outcomes.filter((o) => o.startsWith(sold.payload.paymentId))),
        (found) => found.length === 2,
      );
      expect(mine).toEqual([
        `${sold.payload.paymentId}:applied`,
        `${sold.payload.paymentId}:duplicate`,
      ]);
    });
  });
});
