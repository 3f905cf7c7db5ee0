import { ADMIN, startSystem, type System } from '@headliner/system';
import { eventually } from '@headliner/testing';
import { activeFan, hold } from './support/booking-steps';
import { createSchedule, Fan } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

describe('when a seat of a sold-out schedule comes back, through the gateway', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    // Holds lapse in 3 s; the offer made from the list lasts long enough to pay it unhurried.
    system = await startSystem({ HOLD_TTL_SECONDS: '3', WAITLIST_OFFER_SECONDS: '120' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  const waitlist = (scheduleId: string) => `/api/v1/schedules/${scheduleId}/waitlist`;

  it('holds it for the fan on the waiting list, who sees the offered reservation and pays it', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 1, 40_000);
    const holder = await activeFan(system.gatewayUrl, 0, scheduleId);
    const waiting = await activeFan(system.gatewayUrl, 100_000, scheduleId);
    expect((await waiting.call('POST', waitlist(scheduleId))).status).toBe(409);
    await hold(holder, scheduleId, seats[0]!.seatId);

    const joined = await waiting.call('POST', waitlist(scheduleId));
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ scheduleId, position: 1 });

    const standing = await eventually(
      () => waiting.call('GET', waitlist(scheduleId)),
      (answer) => answer.body?.offeredReservationId != null,
      30_000,
    );
    const reservationId: string = standing.body.offeredReservationId;
    expect(standing.body.entry).toBeNull();
    const offered = await waiting.call('GET', `/api/v1/reservations/${reservationId}`);
    expect(offered.status).toBe(200);
    expect(offered.body).toMatchObject({
      scheduleId,
      seatId: seats[0]!.seatId,
      status: 'HELD',
      origin: 'WAITLIST_OFFER',
      price: 40_000,
    });

    const paid = await waiting.pay(reservationId);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ reservationId, status: 'COMPLETED', balance: 60_000 });
    const seat = await eventually(
      async () =>
        (await waiting.call('GET', `/api/v1/schedules/${scheduleId}/seats`)).body.seats[0].status,
      (status) => status === 'SOLD',
      10_000,
    );
    expect(seat).toBe('SOLD');
    await expectInvariants(system);
  });
});
