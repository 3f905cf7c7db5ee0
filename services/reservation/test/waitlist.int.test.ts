import { randomUUID } from 'node:crypto';
import { newEvent, ReservationReleasedEvent } from '@headliner/contracts';
import { eventually } from '@headliner/testing';
import type { Seat } from '../src/domain/seat';
import { Registry } from 'prom-client';
import { measureWaitlistSize } from '../src/infra/waitlist-size-gauge';
import { waitlistOffers } from '../src/metrics';
import { quietLogger, startBookingService, type BookingService } from './support/booking-service';
import { startFakeWallet, type WalletAnswer } from './support/fake-wallet';
import { waitlistCalls } from './support/waitlist-calls';

jest.setTimeout(60_000);

describe("a sold-out schedule's waiting list (holds and offers last 2 s)", () => {
  let service: BookingService;
  let wallet: Awaited<ReturnType<typeof startFakeWallet>>;
  const answers = new Map<string, WalletAnswer>();
  let waitlist: ReturnType<typeof waitlistCalls>;

  beforeAll(async () => {
    service = await startBookingService({ holdTtlSeconds: 2, consumer: true });
    wallet = await startFakeWallet(
      service.kafka,
      service.topics,
      (request) => answers.get(request.userId) ?? { pay: true, balance: 1_000_000 },
    );
    waitlist = waitlistCalls(service.client);
  });
  afterAll(async () => {
    await wallet?.stop();
    await service?.stop();
  });

  /** A schedule of `count` seats, every one held by a fan of its own. */
  const soldOut = async (count = 1) => {
    const { scheduleId, seats } = service.concert.addSchedule(count);
    const holders = await Promise.all(
      seats.map(async (seat) => {
        const fan = randomUUID();
        const held = await service.client.hold(fan, seat);
        expect(held.status).toBe(201);
        return { fan, seat, reservationId: held.body.reservationId as string };
      }),
    );
    return { scheduleId, seats, holders };
  };
  const joined = async (scheduleId: string, ...fans: string[]) => {
    for (const fan of fans) expect((await waitlist.join(fan, scheduleId)).status).toBe(201);
  };
  const offerTo = async (fan: string, scheduleId: string): Promise<string | null> =>
    (
      await eventually(
        () => waitlist.standing(fan, scheduleId),
        (answer) => answer.body.offeredReservationId !== null,
        15_000,
      )
    ).body.offeredReservationId;
  const offersOn = (seat: Seat) =>
    service.prisma.reservation.findMany({
      where: { seatId: seat.seatId, origin: 'WAITLIST_OFFER' },
      orderBy: { createdAt: 'asc' },
    });
  const counted = async (outcome: string) =>
    (await waitlistOffers.get()).values.find((value) => value.labels.outcome === outcome)?.value ??
    0;

  describe('when a fan joins', () => {
    it('refuses while the schedule has a free seat, naming the rule', async () => {
      const { scheduleId, seats } = service.concert.addSchedule(2);
      await service.client.hold(randomUUID(), seats[0]!);

      const refused = await waitlist.join(randomUUID(), scheduleId);

      expect(refused.status).toBe(409);
      expect(refused.body.type).toBe('https://headliner.dev/problems/seats-available');
    });

    it('answers 404 for a schedule the catalogue does not know', async () => {
      const refused = await waitlist.join(randomUUID(), randomUUID());

      expect(refused.status).toBe(404);
      expect(refused.body.type).toBe('https://headliner.dev/problems/schedule-not-found');
    });

    it('lines fans up in the order they came once every seat is held, keeping a place on a second join', async () => {
      const { scheduleId } = await soldOut(2);
      const [first, second] = [randomUUID(), randomUUID()];

      const joinedFirst = await waitlist.join(first, scheduleId);
      const joinedSecond = await waitlist.join(second, scheduleId);
      const again = await waitlist.join(first, scheduleId);

      expect(joinedFirst.status).toBe(201);
      expect(joinedFirst.body).toEqual({ scheduleId, position: 1, joinedAt: expect.any(String) });
      expect(joinedSecond.body.position).toBe(2);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(joinedFirst.body);
    });

    it('lets a fan leave, and moves those behind them up; leaving again is no error', async () => {
      const { scheduleId } = await soldOut();
      const [first, second] = [randomUUID(), randomUUID()];
      await joined(scheduleId, first, second);

      expect(await waitlist.leave(first, scheduleId)).toBe(204);
      expect(await waitlist.leave(first, scheduleId)).toBe(204);

      expect((await waitlist.standing(first, scheduleId)).body).toEqual({
        scheduleId,
        entry: null,
        offeredReservationId: null,
      });
      expect((await waitlist.standing(second, scheduleId)).body.entry.position).toBe(1);
    });
  });

  describe('when a seat comes back', () => {
    it('holds it for the first fan when the hold on it expires; they see it and can pay it', async () => {
      const { scheduleId, seats } = await soldOut();
      const [first, second] = [randomUUID(), randomUUID()];
      await joined(scheduleId, first, second);

      const reservationId = (await offerTo(first, scheduleId))!;

      const offered = await service.client.reservation(first, reservationId);
      expect(offered.body).toMatchObject({
        seatId: seats[0]!.seatId,
        status: 'HELD',
        origin: 'WAITLIST_OFFER',
      });
      expect((await waitlist.standing(first, scheduleId)).body.entry).toBeNull();
      expect((await waitlist.standing(second, scheduleId)).body.entry.position).toBe(1);
      const paid = await service.client.pay(first, reservationId, randomUUID());
      expect(paid.status).toBe(200);
      expect((await service.client.reservation(first, reservationId)).body.status).toBe(
        'CONFIRMED',
      );
    });

    it('never shows a fan both still waiting and offered the seat, read while the offer commits', async () => {
      const { scheduleId } = await soldOut();
      const fan = randomUUID();
      await joined(scheduleId, fan);

      // Readers side by side until the offer shows, so reads fall on both sides of its commit.
      const seen: { entry: unknown; offeredReservationId: string | null }[] = [];
      const giveUp = Date.now() + 15_000;
      const reader = async () => {
        while (Date.now() < giveUp && !seen.some((body) => body.offeredReservationId)) {
          seen.push((await waitlist.standing(fan, scheduleId)).body);
        }
      };
      await Promise.all([reader(), reader(), reader(), reader()]);

      expect(seen.some((body) => body.offeredReservationId)).toBe(true);
      expect(seen.filter((body) => body.entry !== null && body.offeredReservationId)).toEqual([]);
    });

    it('offers the seat of a hold whose payment failed', async () => {
      const { scheduleId, holders } = await soldOut();
      const waiting = randomUUID();
      await joined(scheduleId, waiting);
      const { fan, reservationId } = holders[0]!;
      answers.set(fan, { pay: false, reason: 'INSUFFICIENT_BALANCE' });

      expect((await service.client.pay(fan, reservationId, randomUUID())).status).toBe(402);

      const offered = await service.client.reservation(
        waiting,
        (await offerTo(waiting, scheduleId))!,
      );
      expect(offered.body).toMatchObject({ status: 'HELD', origin: 'WAITLIST_OFFER' });
    });

    it('offers it to the next fan when an offer lapses unpaid', async () => {
      const { scheduleId, seats } = await soldOut();
      const [first, second] = [randomUUID(), randomUUID()];
      await joined(scheduleId, first, second);
      const lapsedBefore = await counted('lapsed');

      const offeredSecond = (await offerTo(second, scheduleId))!;

      const offers = await offersOn(seats[0]!);
      expect(offers.map((offer) => [offer.userId, offer.status])).toEqual([
        [first, 'EXPIRED'],
        [second, 'HELD'],
      ]);
      expect(offers[1]!.id).toBe(offeredSecond);
      // Other tests' offers lapse meanwhile too.
      expect(await counted('lapsed')).toBeGreaterThan(lapsedBefore);
    });

    it('does not offer a fan their own released seat back, and keeps their place', async () => {
      const { scheduleId, holders } = await soldOut();
      const holder = holders[0]!.fan;
      const other = randomUUID();
      await joined(scheduleId, holder, other);

      await offerTo(other, scheduleId);

      expect((await waitlist.standing(holder, scheduleId)).body).toEqual({
        scheduleId,
        entry: expect.objectContaining({ position: 1 }),
        offeredReservationId: null,
      });
    });

    it('skips a fan at their hold limit, who keeps their place for a later seat', async () => {
      const { scheduleId } = await soldOut();
      const busy = randomUUID();
      // Four holds of an hour elsewhere: ones placed now would lapse with the one sold out.
      const elsewhere = service.concert.addSchedule(4);
      await service.prisma.reservation.createMany({
        data: elsewhere.seats.map((seat) => ({
          id: randomUUID(),
          userId: busy,
          scheduleId: seat.scheduleId,
          seatId: seat.seatId,
          price: seat.price,
          status: 'HELD' as const,
          expiresAt: new Date(Date.now() + 3_600_000),
        })),
      });
      const next = randomUUID();
      await joined(scheduleId, busy, next);

      await offerTo(next, scheduleId);

      expect((await waitlist.standing(busy, scheduleId)).body.entry.position).toBe(1);
    });

    it('offers nothing while the sale is on hold, and the fan keeps their place', async () => {
      const { scheduleId, holders } = await soldOut();
      const waiting = randomUUID();
      await joined(scheduleId, waiting);
      await service.prisma.scheduleSaleState.create({
        data: { scheduleId, saleState: 'ON_HOLD', saleVersion: 1, changedAt: new Date() },
      });
      const onHoldBefore = await counted('sale_on_hold');

      await eventually(
        () => counted('sale_on_hold'),
        (count) => count > onHoldBefore,
        15_000,
      );

      expect(await service.prisma.reservation.count({ where: { scheduleId } })).toBe(1);
      expect(
        (await service.client.reservation(holders[0]!.fan, holders[0]!.reservationId)).body.status,
      ).toBe('EXPIRED');
      expect((await waitlist.standing(waiting, scheduleId)).body.entry.position).toBe(1);
    });

    it('makes one offer however often Kafka delivers the release', async () => {
      const { scheduleId, seats } = await soldOut();
      const [first, second] = [randomUUID(), randomUUID()];
      await joined(scheduleId, first, second);
      await offerTo(first, scheduleId);
      const [release] = (await service.outboxEvents(service.topics.reservationReleased)).filter(
        (event) => event.payload.seatId === seats[0]!.seatId,
      );
      const takenBefore = await counted('seat_taken');

      // The same event again, then a new release of the same hold, which comes after it (one key).
      const { reservationId } = release!.payload as { reservationId: string };
      const marker = newEvent(ReservationReleasedEvent, {
        ...(release!.payload as ReservationReleasedEvent['payload']),
      });
      const producer = service.kafka.producer();
      await producer.connect();
      await producer.send({
        topic: service.topics.reservationReleased,
        messages: [
          { key: reservationId, value: JSON.stringify(release) },
          { key: reservationId, value: JSON.stringify(marker) },
        ],
      });
      await producer.disconnect();
      // Applied in order: once the new one is, the copy before it was too (or skipped).
      await eventually(
        () => service.prisma.inboxEvent.count({ where: { eventId: marker.eventId } }),
        (applied) => applied === 1,
        15_000,
      );

      expect(await counted('seat_taken')).toBe(takenBefore + 1);
      expect((await offersOn(seats[0]!)).map((offer) => offer.userId)).toEqual([first]);
      expect((await waitlist.standing(second, scheduleId)).body.entry.position).toBe(1);
    });
  });

  it('counts the fans on every waiting list for the metric', async () => {
    const { scheduleId } = await soldOut();
    await joined(scheduleId, randomUUID(), randomUUID());
    const registry = new Registry();
    measureWaitlistSize(service.db, quietLogger, registry);

    const [family] = (await registry.getMetricsAsJSON()) as { values: { value: number }[] }[];

    expect(family!.values[0]!.value).toBe(await service.prisma.waitlistEntry.count());
    expect(family!.values[0]!.value).toBeGreaterThanOrEqual(2);
  });
});
