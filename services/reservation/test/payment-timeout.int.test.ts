import { randomUUID } from 'node:crypto';
import {
  newEvent,
  parseEvent,
  partitionKeyOf,
  PaymentCompletedEvent,
  PaymentFailedEvent,
  type PaymentRequestedPayload,
} from '@headliner/contracts';
import { eventually, readMessages } from '@headliner/testing';
import type { Producer } from 'kafkajs';
import { sweepLapsedHoldsJob } from '../src/infra/hold-expiry-queue';
import { paymentsTimedOut } from '../src/metrics';
import { startBookingService, type BookingService } from './support/booking-service';
import type { ServiceClient } from './support/service-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const problem = (slug: string) => `https://headliner.dev/problems/${slug}`;

describe('when the wallet does not answer a payment in time (payments time out after 1 s)', () => {
  let service: BookingService;
  let impatient: ServiceClient;
  let producer: Producer;
  beforeAll(async () => {
    // No wallet consumes the requests: only the tests answer them, late. The sweep's own
    // schedule stays out of the way; the tests run one by hand.
    service = await startBookingService({
      consumer: true,
      paymentTimeoutSeconds: 1,
      sweepIntervalMs: 60_000,
    });
    impatient = await service.serve({ paymentWaitMs: 200 });
    producer = service.kafka.producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  async function pendingPayment() {
    const { seats } = service.concert.addSchedule(1, 80_000);
    const fan = randomUUID();
    const held = await impatient.hold(fan, seats[0]!);
    const reservationId: string = held.body.reservationId;
    const key = randomUUID();
    const paid = await impatient.pay(fan, reservationId, key);
    expect(paid.status).toBe(202);
    const payment = await service.prisma.payment.findFirstOrThrow({ where: { reservationId } });
    return { fan, seat: seats[0]!, reservationId, key, paymentId: payment.id };
  }
  async function sweep() {
    const before = await timedOutSoFar();
    await service.holdExpiry.queue.add(sweepLapsedHoldsJob, {});
    // The sweep job is done once the queue has nothing left waiting or active.
    await eventually(
      () => service.holdExpiry.queue.getJobCounts('waiting', 'active', 'prioritized'),
      (counts) => Object.values(counts).every((count) => count === 0),
      5000,
    );
    return (await timedOutSoFar()) - before;
  }
  const timedOutSoFar = async () => (await paymentsTimedOut.get()).values[0]?.value ?? 0;
  const stateOf = async (reservationId: string) => {
    const reservation = await service.prisma.reservation.findUniqueOrThrow({
      where: { id: reservationId },
      include: { payments: true },
    });
    return {
      status: reservation.status,
      payments: reservation.payments.map(({ status, failureReason }) => ({
        status,
        failureReason,
      })),
    };
  };
  const eventsAbout = async (topic: string, reservationId: string) =>
    (await service.outboxEvents(topic)).filter(
      (event) => event.payload.reservationId === reservationId,
    );
  async function answerLate(answer: PaymentCompletedEvent | PaymentFailedEvent, topic: string) {
    await producer.send({
      topic,
      messages: [{ key: answer.payload.reservationId, value: JSON.stringify(answer) }],
    });
    // Recorded in the inbox: applied (as stale), not dead-lettered.
    const applied = await eventually(
      () => service.prisma.inboxEvent.count({ where: { eventId: answer.eventId } }),
      (count) => count === 1,
      10_000,
    );
    expect(applied).toBe(1);
  }

  it('cancels the payment, releases the hold, frees the seat and tells the wallet', async () => {
    const { fan, seat, reservationId, key, paymentId } = await pendingPayment();
    await sleep(1100);

    expect(await sweep()).toBe(1);

    expect(await stateOf(reservationId)).toEqual({
      status: 'CANCELLED',
      payments: [{ status: 'FAILED', failureReason: 'TIMED_OUT' }],
    });
    const released = await eventsAbout(service.topics.reservationReleased, reservationId);
    expect(released.map((event) => event.payload)).toEqual([
      expect.objectContaining({ seatId: seat.seatId, userId: fan, reason: 'PAYMENT_TIMED_OUT' }),
    ]);
    const cancelled = await eventsAbout(service.topics.paymentCancelled, reservationId);
    expect(cancelled).toEqual([
      expect.objectContaining({
        type: 'payment.cancelled',
        payload: { paymentId, reservationId, userId: fan, amount: 80_000, reason: 'TIMED_OUT' },
      }),
    ]);
    const published = await readMessages(service.kafka, service.topics.paymentCancelled, 1);
    expect(published.map((message) => partitionKeyOf(parseEvent(message.value)))).toContain(
      reservationId,
    );
    expect((await service.client.reservation(fan, reservationId)).body.status).toBe('CANCELLED');
    // The seat claim went with the hold: another fan holds the seat at once.
    expect((await service.client.hold(randomUUID(), seat)).status).toBe(201);
    const replay = await service.client.pay(fan, reservationId, key);
    expect(replay.status).toBe(409);
    expect(replay.body.type).toBe(problem('payment-timed-out'));
    expect(await sweep()).toBe(0);
    expect(await eventsAbout(service.topics.paymentCancelled, reservationId)).toHaveLength(1);
  });

  it('ignores the wallet’s answer when it comes after the time-out, whatever it says', async () => {
    const first = await pendingPayment();
    const second = await pendingPayment();
    await sleep(1100);
    expect(await sweep()).toBe(2);
    const nextFan = randomUUID();
    const next = await service.client.hold(nextFan, first.seat);
    expect(next.status).toBe(201);

    const request = (p: typeof first): PaymentRequestedPayload => ({
      paymentId: p.paymentId,
      reservationId: p.reservationId,
      userId: p.fan,
      amount: 80_000,
    });
    await answerLate(
      newEvent(PaymentCompletedEvent, { ...request(first), balance: 20_000 }),
      service.topics.paymentCompleted,
    );
    await answerLate(
      newEvent(PaymentFailedEvent, { ...request(second), reason: 'INSUFFICIENT_BALANCE' }),
      service.topics.paymentFailed,
    );

    for (const { reservationId } of [first, second]) {
      expect(await stateOf(reservationId)).toEqual({
        status: 'CANCELLED',
        payments: [{ status: 'FAILED', failureReason: 'TIMED_OUT' }],
      });
      expect(await eventsAbout(service.topics.reservationReleased, reservationId)).toHaveLength(1);
    }
    expect(await eventsAbout(service.topics.reservationConfirmed, first.reservationId)).toEqual([]);
    expect((await stateOf(next.body.reservationId)).status).toBe('HELD');
    expect((await service.client.pay(first.fan, first.reservationId, first.key)).status).toBe(409);
  });

  it('either takes the answer or times the payment out, never both, when they meet', async () => {
    const payments = await Promise.all(Array.from({ length: 12 }, () => pendingPayment()));
    await sleep(1100);

    const answered = payments.map((p) =>
      newEvent(PaymentCompletedEvent, {
        paymentId: p.paymentId,
        reservationId: p.reservationId,
        userId: p.fan,
        amount: 80_000,
        balance: 20_000,
      }),
    );
    await Promise.all([
      sweep(),
      ...answered.map((answer) => answerLate(answer, service.topics.paymentCompleted)),
    ]);

    const outcomes = await Promise.all(
      payments.map(async ({ reservationId }) => ({
        ...(await stateOf(reservationId)),
        confirmed: (await eventsAbout(service.topics.reservationConfirmed, reservationId)).length,
        released: (await eventsAbout(service.topics.reservationReleased, reservationId)).length,
        cancelled: (await eventsAbout(service.topics.paymentCancelled, reservationId)).length,
      })),
    );
    const paid = {
      status: 'CONFIRMED',
      payments: [{ status: 'COMPLETED', failureReason: null }],
      confirmed: 1,
      released: 0,
      cancelled: 0,
    };
    const timedOut = {
      status: 'CANCELLED',
      payments: [{ status: 'FAILED', failureReason: 'TIMED_OUT' }],
      confirmed: 0,
      released: 1,
      cancelled: 1,
    };
    for (const outcome of outcomes) expect([paid, timedOut]).toContainEqual(outcome);
  }, 30_000);

  it('leaves a payment alone while it is younger than the time-out', async () => {
    const { reservationId } = await pendingPayment();

    expect(await sweep()).toBe(0);

    expect(await stateOf(reservationId)).toEqual({
      status: 'HELD',
      payments: [{ status: 'REQUESTED', failureReason: null }],
    });
    expect(await eventsAbout(service.topics.paymentCancelled, reservationId)).toHaveLength(0);
  });
});
