import { randomUUID } from 'node:crypto';
import { partitionKeyOf, type BookingEvent } from '@headliner/contracts';
import { createTestNamespace, eventually, testKafka } from '@headliner/testing';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { startReservationEventsConsumer } from '../src/consumers/reservation-events-consumer';
import {
  bookingCancelledEvent,
  confirmedEvent,
  heldEvent,
  releasedEvent,
  type SeatOfReservation,
} from './support/reservation-events';
import {
  addConcertWithSchedule,
  quietLogger,
  schedulesOf,
  seatMapOf,
  startTestCatalogue,
  type TestCatalogue,
} from './support/test-catalogue';

let catalogue: TestCatalogue;
let kafka: Kafka;
let producer: Producer;
let consumer: Consumer;
let namespace: Awaited<ReturnType<typeof createTestNamespace>>;
let topicOf: Record<string, string>;
const group = `concert-${randomUUID()}`;

beforeAll(async () => {
  catalogue = await startTestCatalogue();
  kafka = testKafka();
  namespace = await createTestNamespace(kafka);
  topicOf = {
    'reservation.held': namespace.topics.reservationHeld,
    'reservation.released': namespace.topics.reservationReleased,
    'reservation.confirmed': namespace.topics.reservationConfirmed,
  };
  producer = kafka.producer();
  await producer.connect();
  consumer = await startReservationEventsConsumer({
    kafka,
    producer,
    db: catalogue.sql,
    cache: catalogue.cache,
    logger: quietLogger,
    kafkaNamespace: namespace.namespace,
    group,
  });
}, 60_000);

afterAll(async () => {
  await consumer.disconnect();
  await producer.disconnect();
  await namespace.remove();
  await catalogue.stop();
});

async function publish(...events: BookingEvent[]) {
  for (const event of events) {
    await producer.send({
      topic: topicOf[event.type] as string,
      messages: [{ key: partitionKeyOf(event), value: JSON.stringify(event) }],
    });
  }
}

/** A schedule of `seatCount` seats whose seat map and schedule list are already cached. */
async function cachedSchedule(seatCount: number) {
  const { concertId, scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, seatCount);
  const { seats } = await seatMapOf(catalogue.cachedApp, scheduleId);
  await schedulesOf(catalogue.cachedApp, concertId);
  const reservationFor = (index: number): SeatOfReservation => ({
    reservationId: randomUUID(),
    scheduleId,
    seatId: seats[index]?.seatId as string,
  });
  return { concertId, scheduleId, seats, reservationFor };
}

/** Waits until the cached seat map shows the seat in `status`: the event has committed. */
async function untilSeat({ scheduleId, seatId }: SeatOfReservation, status: string) {
  const seat = await eventually(
    async () => (await seatMapOf(catalogue.cachedApp, scheduleId)).seats,
    (seats) => seats.find((s) => s.seatId === seatId)?.status === status,
  );
  expect(seat.find((s) => s.seatId === seatId)?.status).toBe(status);
}

/** What both apps answer, after checking they answer the same. */
async function views(concertId: string, scheduleId: string) {
  const cached = {
    seats: await seatMapOf(catalogue.cachedApp, scheduleId),
    schedules: await schedulesOf(catalogue.cachedApp, concertId),
  };
  const database = {
    seats: await seatMapOf(catalogue.databaseApp, scheduleId),
    schedules: await schedulesOf(catalogue.databaseApp, concertId),
  };
  expect(cached).toEqual(database);
  const statusOf = (seatId: string) => cached.seats.seats.find((s) => s.seatId === seatId)?.status;
  const availableInDatabase = await catalogue.prisma.seat.count({
    where: { scheduleId, status: 'AVAILABLE' },
  });
  return { statusOf, available: cached.schedules[0]?.availableSeats, availableInDatabase };
}

describe('when reservation events arrive', () => {
  it('follows a seat through held, released, held and confirmed, cache on and off alike', async () => {
    const { concertId, scheduleId, reservationFor } = await cachedSchedule(5);
    const first = reservationFor(0);
    const second = { ...first, reservationId: randomUUID() };
    const steps: [BookingEvent, string, number][] = [
      [heldEvent(first), 'HELD', 4],
      [releasedEvent(first), 'AVAILABLE', 5],
      [heldEvent(second), 'HELD', 4],
      [confirmedEvent(second), 'SOLD', 4],
    ];
    for (const [event, status, available] of steps) {
      await publish(event);
      await untilSeat(first, status);
      const view = await views(concertId, scheduleId);
      expect(view.statusOf(first.seatId)).toBe(status);
      expect(view.available).toBe(available);
      expect(view.availableInDatabase).toBe(available);
    }
  });

  it('counts a replayed or repeated event once', async () => {
    const { concertId, scheduleId, reservationFor } = await cachedSchedule(5);
    const [seat, sentinel] = [reservationFor(0), reservationFor(1)];
    const held = heldEvent(seat);
    // The same message twice (a redelivery) and the same hold under a new event id.
    await publish(held, held, { ...held, eventId: randomUUID() }, heldEvent(sentinel));
    await untilSeat(sentinel, 'HELD');
    expect(await views(concertId, scheduleId)).toMatchObject({
      available: 3,
      availableInDatabase: 3,
    });

    const released = releasedEvent(seat);
    await publish(released, released, releasedEvent(seat), releasedEvent(sentinel));
    await untilSeat(sentinel, 'AVAILABLE');
    expect(await views(concertId, scheduleId)).toMatchObject({
      available: 5,
      availableInDatabase: 5,
    });

    // A release is its reservation's last event: the seat is sold to a new one.
    const sold = { ...seat, reservationId: randomUUID() };
    const confirmed = confirmedEvent(sold);
    await publish(confirmed, confirmed, confirmedEvent(sold), confirmedEvent(sentinel));
    await untilSeat(sentinel, 'SOLD');
    const view = await views(concertId, scheduleId);
    expect(view.statusOf(seat.seatId)).toBe('SOLD');
    expect(view).toMatchObject({ available: 3, availableInDatabase: 3 });
  });

  it('keeps the newer hold when the older reservation’s events arrive late', async () => {
    const { concertId, scheduleId, reservationFor } = await cachedSchedule(5);
    const older = reservationFor(0);
    const newer = { ...older, reservationId: randomUUID() };
    const latecomer = { ...older, reservationId: randomUUID() };
    const sentinel = reservationFor(1);
    const start = Date.now();

    await publish(heldEvent(older, new Date(start)), heldEvent(sentinel));
    await untilSeat(sentinel, 'HELD');
    // The older hold ended, then a newer one began; the older release is still on its way.
    await publish(heldEvent(newer, new Date(start + 1000)));
    await eventually(
      () => catalogue.prisma.seat.findUniqueOrThrow({ where: { id: older.seatId } }),
      (seat) => seat.reservationId === newer.reservationId,
    );
    await publish(releasedEvent(older), releasedEvent(sentinel));
    await untilSeat(sentinel, 'AVAILABLE');
    // A hold that ended long ago, delivered last of all.
    await publish(heldEvent(latecomer, new Date(start - 1000)), heldEvent(sentinel));
    await untilSeat(sentinel, 'HELD');

    const view = await views(concertId, scheduleId);
    expect(view.statusOf(older.seatId)).toBe('HELD');
    expect(view).toMatchObject({ available: 3, availableInDatabase: 3 });
    const seat = await catalogue.prisma.seat.findUniqueOrThrow({ where: { id: older.seatId } });
    expect(seat.reservationId).toBe(newer.reservationId);
  });

  /** Waits until the release, which found its hold not on the seat yet, is remembered. */
  async function untilRemembered({ reservationId }: SeatOfReservation) {
    const remembered = await eventually(
      () => catalogue.prisma.releasedReservation.count({ where: { reservationId } }),
      (count) => count === 1,
    );
    expect(remembered).toBe(1);
  }
  const holderOf = async ({ seatId }: SeatOfReservation) =>
    (await catalogue.prisma.seat.findUniqueOrThrow({ where: { id: seatId } })).reservationId;

  it('keeps a seat available when its hold arrives after its own release', async () => {
    const { concertId, scheduleId, reservationFor } = await cachedSchedule(5);
    const ended = reservationFor(0);
    const sentinel = reservationFor(1);
    const start = Date.now();

    await publish(releasedEvent(ended, new Date(start + 1000)));
    await untilRemembered(ended);
    await publish(heldEvent(ended, new Date(start)), heldEvent(sentinel));
    await untilSeat(sentinel, 'HELD');

    const view = await views(concertId, scheduleId);
    expect(view.statusOf(ended.seatId)).toBe('AVAILABLE');
    expect(view).toMatchObject({ available: 4, availableInDatabase: 4 });
    expect(await holderOf(ended)).toBeNull();
  });

  it('lets a later hold by someone else take the seat, and its late predecessor never', async () => {
    const { concertId, scheduleId, reservationFor } = await cachedSchedule(5);
    const ended = reservationFor(0);
    const later = { ...ended, reservationId: randomUUID() };
    const sentinel = reservationFor(1);
    const start = Date.now();
    await publish(releasedEvent(ended, new Date(start + 1000)));
    await untilRemembered(ended);

    await publish(heldEvent(later, new Date(start + 2000)), heldEvent(sentinel));
    await untilSeat(sentinel, 'HELD');
    expect(await holderOf(ended)).toBe(later.reservationId);
    await publish(releasedEvent(later, new Date(start + 3000)), releasedEvent(sentinel));
    await untilSeat(sentinel, 'AVAILABLE');
    // The first hold, delivered after everything that came after it.
    await publish(heldEvent(ended, new Date(start)), heldEvent(sentinel));
    await untilSeat(sentinel, 'HELD');

    const view = await views(concertId, scheduleId);
    expect(view.statusOf(ended.seatId)).toBe('AVAILABLE');
    expect(view).toMatchObject({ available: 4, availableInDatabase: 4 });
    expect(await holderOf(ended)).toBeNull();
  });

  it('puts a cancelled booking’s seat back on sale, even when its sale arrives after the cancellation', async () => {
    const { concertId, scheduleId, reservationFor } = await cachedSchedule(5);
    const [inOrder, overtaken, sentinel] = [
      reservationFor(0),
      reservationFor(1),
      reservationFor(2),
    ];

    await publish(heldEvent(inOrder), confirmedEvent(inOrder));
    await untilSeat(inOrder, 'SOLD');
    await publish(bookingCancelledEvent(inOrder));
    await untilSeat(inOrder, 'AVAILABLE');
    // The sale travels on another topic than the release: here it comes last.
    await publish(heldEvent(overtaken), bookingCancelledEvent(overtaken));
    await untilRemembered(overtaken);
    await publish(confirmedEvent(overtaken), confirmedEvent(inOrder), heldEvent(sentinel));
    await untilSeat(sentinel, 'HELD');

    const view = await views(concertId, scheduleId);
    expect(view.statusOf(inOrder.seatId)).toBe('AVAILABLE');
    expect(view.statusOf(overtaken.seatId)).toBe('AVAILABLE');
    expect(view).toMatchObject({ available: 4, availableInDatabase: 4 });
  });

  it('updates the cached seat map in place rather than reloading it', async () => {
    const { concertId, scheduleId, seats, reservationFor } = await cachedSchedule(3);
    // Behind the cache's back: only a reload from the database would show this.
    await catalogue.prisma.seat.update({
      where: { id: seats[0]?.seatId },
      data: { status: 'SOLD', reservationId: randomUUID() },
    });
    const held = reservationFor(1);
    await publish(heldEvent(held));
    await untilSeat(held, 'HELD');

    const cached = await seatMapOf(catalogue.cachedApp, scheduleId);
    expect(cached.seats.map((seat) => seat.status)).toEqual(['AVAILABLE', 'HELD', 'AVAILABLE']);
    const fromDatabase = await seatMapOf(catalogue.databaseApp, scheduleId);
    expect(fromDatabase.seats.map((seat) => seat.status)).toEqual(['SOLD', 'HELD', 'AVAILABLE']);
    expect((await schedulesOf(catalogue.cachedApp, concertId))[0]?.availableSeats).toBe(2);
  });

  it('dead-letters an event about a seat the catalogue does not know', async () => {
    const { scheduleId } = await cachedSchedule(1);
    const unknown = heldEvent({ reservationId: randomUUID(), scheduleId, seatId: randomUUID() });
    await publish(unknown);
    const admin = kafka.admin();
    await admin.connect();
    const dlq = `${topicOf['reservation.held']}.dlq`;
    const lettersIn = async () => Number((await admin.fetchTopicOffsets(dlq))[0]?.high ?? 0);
    try {
      expect(await eventually(lettersIn, (letters) => letters === 1)).toBe(1);
    } finally {
      await admin.disconnect();
    }
  });
});
