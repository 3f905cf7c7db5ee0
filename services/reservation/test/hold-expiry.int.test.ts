import { randomUUID } from 'node:crypto';
import { eventually, readMessages } from '@headliner/testing';
import { sweepLapsedHoldsJob } from '../src/infra/hold-expiry-queue';
import { holdsExpired } from '../src/metrics';
import { startBookingService, type BookingService } from './support/booking-service';
import { startFakeWallet } from './support/fake-wallet';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

describe('when a hold runs out (holds last 1 s)', () => {
  let service: BookingService;
  let wallet: Awaited<ReturnType<typeof startFakeWallet>>;

  beforeAll(async () => {
    // The sweep's own schedule stays out of the way; the sweep test runs one by hand.
    service = await startBookingService({
      holdTtlSeconds: 1,
      sweepIntervalMs: 60_000,
      consumer: true,
    });
    wallet = await startFakeWallet(service.kafka, service.topics, (request) => ({
      pay: true,
      balance: 1_000_000 - request.amount,
    }));
  });
  afterAll(async () => {
    await wallet?.stop();
    await service?.stop();
  });

  const storedStatusOf = async (reservationId: string) =>
    (await service.prisma.reservation.findUniqueOrThrow({ where: { id: reservationId } })).status;
  const releasesOf = async (reservationId: string) =>
    (await service.outboxEvents(service.topics.reservationReleased)).filter(
      (event) => event.payload.reservationId === reservationId,
    );
  const expiredBy = async (by: string) =>
    (await holdsExpired.get()).values.find((value) => value.labels.by === by)?.value ?? 0;

  it('expires it when its job comes due, announces the release once, and frees the seat', async () => {
    const { seats } = service.concert.addSchedule(1);
    const fan = randomUUID();
    const expiredByJob = await expiredBy('job');
    const held = await service.client.hold(fan, seats[0]!);
    const { reservationId } = held.body;

    const status = await eventually(
      () => storedStatusOf(reservationId),
      (s) => s === 'EXPIRED',
      5000,
    );

    expect(status).toBe('EXPIRED');
    expect(await expiredBy('job')).toBe(expiredByJob + 1);
    expect((await service.client.reservation(fan, reservationId)).body.status).toBe('EXPIRED');
    const released = await readMessages(service.kafka, service.topics.reservationReleased, 1);
    expect(released.map((message) => message.key?.toString())).toContain(reservationId);
    const again = await service.client.hold(randomUUID(), seats[0]!);
    expect(again.status).toBe(201);
    await sleep(1500); // the new hold lapses too; the first is not released a second time
    expect(await releasesOf(reservationId)).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          reason: 'EXPIRED',
          seatId: seats[0]!.seatId,
          userId: fan,
        }),
      }),
    ]);
  });

  it('sweeps up a lapsed hold whose expiry job was lost', async () => {
    const { seats } = service.concert.addSchedule(1);
    const held = await service.client.hold(randomUUID(), seats[0]!);
    const { reservationId } = held.body;
    await service.holdExpiry.queue.remove(reservationId);
    await sleep(Date.parse(held.body.expiresAt) - Date.now() + 50);
    expect(await storedStatusOf(reservationId)).toBe('HELD');
    const expiredBySweep = await expiredBy('sweep');

    await service.holdExpiry.queue.add(sweepLapsedHoldsJob, {});

    const status = await eventually(
      () => storedStatusOf(reservationId),
      (s) => s === 'EXPIRED',
      5000,
    );
    expect(status).toBe('EXPIRED');
    expect(await expiredBy('sweep')).toBeGreaterThanOrEqual(expiredBySweep + 1);
    expect(await releasesOf(reservationId)).toHaveLength(1);
    const schedulers = await service.holdExpiry.queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.name)).toContain(sweepLapsedHoldsJob);
  });

  it('shows a lapsed hold as EXPIRED and gives its seat to the next fan before any job ran', async () => {
    const { seats } = service.concert.addSchedule(1);
    const fan = randomUUID();
    const held = await service.client.hold(fan, seats[0]!);
    const { reservationId } = held.body;
    await service.holdExpiry.queue.remove(reservationId);
    await sleep(Date.parse(held.body.expiresAt) - Date.now() + 50);

    const seen = await service.client.reservation(fan, reservationId);
    const next = await service.client.hold(randomUUID(), seats[0]!);

    expect(seen.body.status).toBe('EXPIRED');
    expect(next.status).toBe(201);
    expect(await storedStatusOf(reservationId)).toBe('EXPIRED');
    expect(await releasesOf(reservationId)).toHaveLength(1);
  });

  it('either takes a payment or expires the hold, never both, when they meet at expiresAt', async () => {
    const { seats } = service.concert.addSchedule(20);
    const fans = seats.map(() => randomUUID());
    const holds = await Promise.all(seats.map((seat, i) => service.client.hold(fans[i]!, seat)));
    const ids: string[] = holds.map((hold) => hold.body.reservationId);

    // From 100 ms before expiresAt to 90 ms after it, racing the expiry job.
    const payments = await Promise.all(
      holds.map(async (hold, i) => {
        await sleep(Date.parse(hold.body.expiresAt) + (i - 10) * 10 - Date.now());
        return service.client.pay(fans[i]!, ids[i]!, randomUUID());
      }),
    );
    await eventually(
      () => service.prisma.reservation.count({ where: { id: { in: ids }, status: 'HELD' } }),
      (held) => held === 0,
      10_000,
    );

    const requested = await service.outboxEvents(service.topics.paymentRequested);
    const outcomes = await Promise.all(
      ids.map(async (id, i) => {
        const reservation = await service.prisma.reservation.findUniqueOrThrow({
          where: { id },
          include: { payments: true },
        });
        return {
          status: reservation.status,
          answer: payments[i]!.status,
          payments: reservation.payments.map((payment) => payment.status),
          requested: requested.filter((event) => event.payload.reservationId === id).length,
          released: (await releasesOf(id)).length,
        };
      }),
    );
    const paid = {
      status: 'CONFIRMED',
      answer: 200,
      payments: ['COMPLETED'],
      requested: 1,
      released: 0,
    };
    const expired = { status: 'EXPIRED', answer: 409, payments: [], requested: 0, released: 1 };
    for (const outcome of outcomes) expect([paid, expired]).toContainEqual(outcome);
    expect(outcomes.filter((outcome) => outcome.status === 'CONFIRMED').length).toBeGreaterThan(0);
  }, 30_000);
});
