import { randomUUID } from 'node:crypto';
import { eventually } from '@headliner/testing';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

const problem = (slug: string) => `https://headliner.dev/problems/${slug}`;
const hour = 3_600_000;

describe('when fans manage their own bookings through the gateway', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem({ ACTIVE_LIMIT: '200' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function fundedFan(label: string, balance = 100_000) {
    const fan = await new Fan(
      system.gatewayUrl,
      `${label}_${randomUUID().slice(0, 8)}`,
    ).signUpAndLogIn();
    await fan.charge(balance);
    return fan;
  }
  async function admit(fan: Fan, scheduleId: string) {
    await fan.joinQueue(scheduleId);
    await fan.waitUntilActive();
  }
  async function bought(fan: Fan, seats = 1, startsAt?: Date) {
    const schedule = await createSchedule(admin, seats, 30_000, startsAt);
    await admit(fan, schedule.scheduleId);
    const seatId = schedule.seats[0]!.seatId;
    const hold = await fan.hold(schedule.scheduleId, seatId);
    expect(hold.status).toBe(201);
    const reservationId = hold.body.reservationId as string;
    expect((await fan.pay(reservationId)).status).toBe(200);
    return { scheduleId: schedule.scheduleId, seatId, reservationId };
  }
  const seatStatus = async (scheduleId: string, seatId: string) =>
    (await admin.call('GET', `/api/v1/schedules/${scheduleId}/seats`)).body.seats.find(
      (seat: { seatId: string }) => seat.seatId === seatId,
    )?.status as string;
  const untilSeat = (scheduleId: string, seatId: string, status: string) =>
    eventually(
      () => seatStatus(scheduleId, seatId),
      (shown) => shown === status,
    );
  const balanceOf = async (fan: Fan) => (await fan.call('GET', '/api/v1/wallet')).body.balance;
  const ledgerOf = async (fan: Fan) =>
    (await fan.call('GET', '/api/v1/wallet/transactions')).body.items as {
      kind: string;
      amount: number;
      reservationId?: string;
    }[];

  it('lists a fan’s reservations newest first, a page at a time', async () => {
    const fan = await fundedFan('lister');
    const { scheduleId, seats } = await createSchedule(admin, 3);
    await admit(fan, scheduleId);
    const held = [];
    for (const seat of seats)
      held.push((await fan.hold(scheduleId, seat.seatId)).body.reservationId);
    await fan.pay(held[0]);

    const first = await fan.call('GET', '/api/v1/reservations?limit=2');
    const second = await fan.call(
      'GET',
      `/api/v1/reservations?limit=2&cursor=${first.body.nextCursor}`,
    );

    expect(first.status).toBe(200);
    expect(second.body.nextCursor).toBeNull();
    const items = [...first.body.items, ...second.body.items];
    expect(items.map((item) => item.reservationId)).toEqual([...held].reverse());
    expect(items[2]).toMatchObject({ status: 'CONFIRMED', cancellableUntil: expect.any(String) });
    expect((await fan.call('GET', '/api/v1/reservations?limit=500')).status).toBe(400);
  });

  it('releases an unpaid hold at once: the seat is on sale again and the fan can hold again', async () => {
    const fan = await fundedFan('releaser');
    const { scheduleId, seats } = await createSchedule(admin, 1);
    await admit(fan, scheduleId);
    const seatId = seats[0]!.seatId;
    const hold = await fan.hold(scheduleId, seatId);
    await untilSeat(scheduleId, seatId, 'HELD');

    expect((await fan.release(hold.body.reservationId)).status).toBe(204);
    expect((await fan.release(hold.body.reservationId)).status).toBe(204);

    expect(await untilSeat(scheduleId, seatId, 'AVAILABLE')).toBe('AVAILABLE');
    const again = await fan.hold(scheduleId, seatId);
    expect(again.status).toBe(201);
    expect(again.body.reservationId).not.toBe(hold.body.reservationId);
    await expectInvariants(system);
  });

  it('cancels a paid booking: refunded once, the seat on sale again, the REFUND in the ledger', async () => {
    const fan = await fundedFan('canceller');
    const { scheduleId, seatId, reservationId } = await bought(fan);
    expect(await balanceOf(fan)).toBe(70_000);

    const cancelled = await fan.cancelBooking(reservationId);

    expect(cancelled).toMatchObject({
      status: 202,
      body: { reservationId, status: 'CANCELLED', refund: { amount: 30_000, status: 'REQUESTED' } },
    });
    await eventually(
      () => balanceOf(fan),
      (balance) => balance === 100_000,
    );
    expect((await ledgerOf(fan)).map(({ kind, amount }) => [kind, amount])).toEqual([
      ['REFUND', 30_000],
      ['DEBIT', 30_000],
      ['CHARGE', 100_000],
    ]);
    await untilSeat(scheduleId, seatId, 'AVAILABLE');
    const next = await fundedFan('next');
    await admit(next, scheduleId);
    expect((await next.hold(scheduleId, seatId)).status).toBe(201);
    await expectInvariants(system);
  });

  it('refunds once when the same cancellation is sent twice and races duplicates', async () => {
    const fan = await fundedFan('twice');
    const { reservationId } = await bought(fan);
    const key = randomUUID();

    const answers = await Promise.all([
      fan.cancelBooking(reservationId, key),
      fan.cancelBooking(reservationId, key),
      fan.cancelBooking(reservationId),
      fan.cancelBooking(reservationId),
    ]);
    const later = await fan.cancelBooking(reservationId, key);

    expect([...answers, later].map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set([...answers, later].map((answer) => answer.body.cancelledAt)).size).toBe(1);
    await expectInvariants(system);
    expect(await balanceOf(fan)).toBe(100_000);
    expect((await ledgerOf(fan)).filter((entry) => entry.kind === 'REFUND')).toHaveLength(1);
  });

  it('cancels only a confirmed booking when the cancellation races the payment', async () => {
    const fan = await fundedFan('racer');
    const { scheduleId, seats } = await createSchedule(admin, 1, 30_000);
    await admit(fan, scheduleId);
    const hold = await fan.hold(scheduleId, seats[0]!.seatId);
    const reservationId = hold.body.reservationId as string;

    const [paid, cancelled] = await Promise.all([
      fan.pay(reservationId),
      fan.cancelBooking(reservationId),
    ]);

    expect(paid.status).toBe(200);
    if (cancelled.status === 202) {
      await expectInvariants(system);
      expect(await balanceOf(fan)).toBe(100_000);
    } else {
      expect(cancelled.body.type).toBe(problem('booking-not-confirmed'));
      await expectInvariants(system);
      expect(await balanceOf(fan)).toBe(70_000);
      expect((await fan.call('GET', `/api/v1/reservations/${reservationId}`)).body.status).toBe(
        'CONFIRMED',
      );
    }
  });

  it('refuses a cancellation past the cutoff, and a fan’s hold or booking to anyone else', async () => {
    const fan = await fundedFan('late');
    const soon = await bought(fan, 1, new Date(Date.now() + 2 * hour));
    const late = await fan.cancelBooking(soon.reservationId);
    expect(late).toMatchObject({ status: 409, body: { type: problem('cancellation-cutoff') } });
    expect(await balanceOf(fan)).toBe(70_000);

    const stranger = await fundedFan('stranger');
    const cancel = await stranger.cancelBooking(soon.reservationId);
    const release = await stranger.release(soon.reservationId);
    expect(cancel).toMatchObject({ status: 404, body: { type: problem('reservation-not-found') } });
    expect(release).toMatchObject({
      status: 404,
      body: { type: problem('reservation-not-found') },
    });
    expect((await stranger.call('GET', '/api/v1/reservations')).body.items).toEqual([]);
    await expectInvariants(system);
  });
});
