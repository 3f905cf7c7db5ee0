import { randomUUID } from 'node:crypto';
import { asUser } from '@headliner/testing';
import { bookingCancellations, holdReleases } from '../src/metrics';
import { startBookingService, type BookingService } from './support/booking-service';
import { startFakeWallet } from './support/fake-wallet';

const problem = (slug: string) => `https://headliner.dev/problems/${slug}`;
const day = 86_400_000;

describe('when a fan manages their own bookings', () => {
  let service: BookingService;
  let wallet: Awaited<ReturnType<typeof startFakeWallet>>;
  // Fans whose payments the stand-in wallet leaves in flight.
  const neverAnswered = new Set<string>();

  beforeAll(async () => {
    service = await startBookingService({ consumer: true });
    wallet = await startFakeWallet(service.kafka, service.topics, (request) =>
      neverAnswered.has(request.userId)
        ? { pay: 'never' }
        : { pay: true, balance: 500_000 - request.amount },
    );
  });
  afterAll(async () => {
    await wallet?.stop();
    await service?.stop();
  });

  const counted = async (counter: typeof holdReleases, outcome: string) =>
    (await counter.get()).values.find((value) => value.labels.outcome === outcome)?.value ?? 0;

  async function held(fan = randomUUID(), startsAt = new Date(Date.now() + 30 * day)) {
    const { seats } = service.concert.addSchedule(1, 80_000, startsAt);
    const seat = seats[0]!;
    const answer = await service.client.hold(fan, seat);
    expect(answer.status).toBe(201);
    return { fan, seat, startsAt, reservationId: answer.body.reservationId as string };
  }
  async function booked(fan = randomUUID(), startsAt?: Date) {
    const hold = await held(fan, startsAt);
    const paid = await service.client.pay(fan, hold.reservationId, randomUUID());
    expect(paid.status).toBe(200);
    return { ...hold, paymentId: paid.body.paymentId as string };
  }
  const eventsOf = async (topic: string, reservationId: string) =>
    (await service.outboxEvents(topic)).filter(
      (event) => event.payload.reservationId === reservationId,
    );

  describe('when they list their reservations', () => {
    it('pages them newest first, each once, with when a confirmed one can be cancelled', async () => {
      const fan = randomUUID();
      const bought = await booked(fan);
      const holds = [await held(fan), await held(fan), await held(fan)];
      await held(); // someone else's

      const first = await service.client.reservations(fan, '?limit=2');
      expect(first.status).toBe(200);
      const second = await service.client.reservations(
        fan,
        `?limit=2&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.nextCursor).toBeNull();

      const listed = [...first.body.items, ...second.body.items];
      expect(listed.map((item) => item.reservationId)).toEqual(
        [bought, ...holds].map((hold) => hold.reservationId).reverse(),
      );
      expect(listed[3]).toEqual({
        reservationId: bought.reservationId,
        scheduleId: bought.seat.scheduleId,
        seatId: bought.seat.seatId,
        status: 'CONFIRMED',
        expiresAt: expect.any(String),
        price: 80_000,
        createdAt: expect.any(String),
        cancellableUntil: new Date(bought.startsAt.getTime() - day).toISOString(),
        origin: 'FAN',
      });
      expect(listed[0]).not.toHaveProperty('cancellableUntil');
    });

    it('refuses a limit out of bounds and a cursor it never handed out', async () => {
      for (const query of ['?limit=0', '?limit=101', '?cursor=page-2']) {
        const answer = await service.client.reservations(randomUUID(), query);
        expect(answer.status).toBe(400);
      }
    });
  });

  describe('when they release an unpaid hold', () => {
    it('ends it at once with its release, frees the seat for anyone and answers the same again', async () => {
      const { fan, seat, reservationId } = await held();
      const released = await counted(holdReleases, 'released');

      expect((await service.client.release(fan, reservationId)).status).toBe(204);
      expect((await service.client.release(fan, reservationId)).status).toBe(204);

      expect((await service.client.reservation(fan, reservationId)).body.status).toBe('CANCELLED');
      const events = await eventsOf(service.topics.reservationReleased, reservationId);
      expect(events.map((event) => event.payload.reason)).toEqual(['CANCELLED']);
      expect(await counted(holdReleases, 'released')).toBe(released + 1);
      // The seat claim went with it: another fan holds the seat at once.
      expect((await service.client.hold(randomUUID(), seat)).status).toBe(201);
    });

    it('gives back the place it took among the fan’s holds', async () => {
      const fan = randomUUID();
      const holds = [await held(fan), await held(fan), await held(fan), await held(fan)];
      const { seats } = service.concert.addSchedule(1);
      expect((await service.client.hold(fan, seats[0]!)).body.type).toBe(
        problem('hold-limit-reached'),
      );

      await service.client.release(fan, holds[0]!.reservationId);

      expect((await service.client.hold(fan, seats[0]!)).status).toBe(201);
    });

    it('refuses one being paid for, and so does a cancellation: only a confirmed booking cancels', async () => {
      const { fan, reservationId } = await held();
      neverAnswered.add(fan);
      const impatient = await service.serve({ paymentWaitMs: 50 });
      expect((await impatient.pay(fan, reservationId, randomUUID())).status).toBe(202);

      const release = await service.client.release(fan, reservationId);
      const cancel = await service.client.cancel(fan, reservationId, randomUUID());

      expect(release).toMatchObject({
        status: 409,
        body: { type: problem('payment-in-progress') },
      });
      expect(cancel).toMatchObject({
        status: 409,
        body: { type: problem('booking-not-confirmed') },
      });
      expect((await service.client.reservation(fan, reservationId)).body.status).toBe('HELD');
      expect(await eventsOf(service.topics.reservationReleased, reservationId)).toHaveLength(0);
    });

    it('refuses a paid one, and says nothing of someone else’s', async () => {
      const { fan, reservationId } = await booked();
      const paid = await service.client.release(fan, reservationId);
      expect(paid).toMatchObject({
        status: 409,
        body: { type: problem('reservation-already-paid') },
      });

      const other = await held();
      const stranger = await service.client.release(randomUUID(), other.reservationId);
      expect(stranger).toMatchObject({
        status: 404,
        body: { type: problem('reservation-not-found') },
      });
      expect((await service.client.reservation(other.fan, other.reservationId)).body.status).toBe(
        'HELD',
      );
    });
  });

  describe('when they cancel a confirmed booking', () => {
    it('cancels it once, putting the seat back on sale and asking the wallet for the refund', async () => {
      const { fan, seat, reservationId, paymentId } = await booked();
      const key = randomUUID();

      const cancelled = await service.client.cancel(fan, reservationId, key);

      expect(cancelled).toEqual({
        status: 202,
        body: {
          reservationId,
          status: 'CANCELLED',
          cancelledAt: expect.any(String),
          refund: { paymentId, amount: 80_000, status: 'REQUESTED' },
        },
      });
      expect((await service.client.reservation(fan, reservationId)).body.status).toBe('CANCELLED');
      const released = await eventsOf(service.topics.reservationReleased, reservationId);
      expect(released.map((event) => event.payload)).toEqual([
        {
          reservationId,
          scheduleId: seat.scheduleId,
          seatId: seat.seatId,
          userId: fan,
          reason: 'BOOKING_CANCELLED',
        },
      ]);
      const refunds = await eventsOf(service.topics.paymentCancelled, reservationId);
      expect(refunds.map((event) => event.payload)).toEqual([
        { paymentId, reservationId, userId: fan, amount: 80_000, reason: 'CANCELLED_BY_FAN' },
      ]);
      expect((await service.client.hold(randomUUID(), seat)).status).toBe(201);
    });

    it('answers a retry and a new request alike with the first cancellation, and refunds once', async () => {
      const { fan, reservationId } = await booked();
      const key = randomUUID();
      const first = await service.client.cancel(fan, reservationId, key);
      const replayed = await counted(bookingCancellations, 'replayed');

      const retry = await service.client.cancel(fan, reservationId, key);
      const anew = await service.client.cancel(fan, reservationId, randomUUID());

      expect(retry).toEqual(first);
      expect(anew).toEqual(first);
      expect(await eventsOf(service.topics.paymentCancelled, reservationId)).toHaveLength(1);
      expect(await counted(bookingCancellations, 'replayed')).toBe(replayed + 2);
    });

    it('cancels once when duplicates race each other', async () => {
      const { fan, reservationId } = await booked();

      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          service.client.cancel(fan, reservationId, i % 2 === 0 ? 'same-key' : randomUUID()),
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(202));
      expect(new Set(answers.map((answer) => answer.body.cancelledAt)).size).toBe(1);
      expect(await eventsOf(service.topics.paymentCancelled, reservationId)).toHaveLength(1);
      expect(await eventsOf(service.topics.reservationReleased, reservationId)).toHaveLength(1);
    });

    it('refuses once the cutoff before the show has passed', async () => {
      const { fan, reservationId, startsAt } = await booked(
        randomUUID(),
        new Date(Date.now() + day / 2),
      );

      const late = await service.client.cancel(fan, reservationId, randomUUID());

      expect(late).toMatchObject({ status: 409, body: { type: problem('cancellation-cutoff') } });
      expect(late.body.detail).toContain(new Date(startsAt.getTime() - day).toISOString());
      expect((await service.client.reservation(fan, reservationId)).body.status).toBe('CONFIRMED');
      expect(await eventsOf(service.topics.paymentCancelled, reservationId)).toHaveLength(0);
    });

    it('refuses an unpaid hold, and says nothing of someone else’s booking', async () => {
      const hold = await held();
      const unpaid = await service.client.cancel(hold.fan, hold.reservationId, randomUUID());
      expect(unpaid).toMatchObject({
        status: 409,
        body: { type: problem('booking-not-confirmed') },
      });

      const bought = await booked();
      const stranger = await service.client.cancel(
        randomUUID(),
        bought.reservationId,
        randomUUID(),
      );
      expect(stranger).toMatchObject({
        status: 404,
        body: { type: problem('reservation-not-found') },
      });
    });

    it('refuses a key already used to cancel another booking', async () => {
      const fan = randomUUID();
      const [one, two] = [await booked(fan), await booked(fan)];
      await service.client.cancel(fan, one.reservationId, 'key-1');

      const reused = await service.client.cancel(fan, two.reservationId, 'key-1');

      expect(reused).toMatchObject({
        status: 422,
        body: { type: problem('idempotency-key-reused') },
      });
      expect((await service.client.reservation(fan, two.reservationId)).body.status).toBe(
        'CONFIRMED',
      );
    });

    it('asks for an Idempotency-Key', async () => {
      const { fan, reservationId } = await booked();
      const answer = await service.client.send(
        'POST',
        `/api/v1/reservations/${reservationId}/cancellation`,
        asUser('reservation', { userId: fan }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].field).toBe('headers.idempotency-key');
    });
  });
});
