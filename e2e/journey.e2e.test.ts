import { ADMIN, startSystem, type System } from '@headliner/system';
import { Fan } from './support/gateway-client';
import { expectInvariants } from './support/invariants';
import { eventually } from '@headliner/testing';

describe('when a fan books a seat from start to finish', () => {
  let system: System;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('signs up, charges, browses, queues, holds, pays and sees the seat sold and the money gone', async () => {
    const admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    const concert = await admin.call('POST', '/api/v1/admin/concerts', {
      title: 'Journey Live',
      artist: 'The Testers',
      venue: 'Loopback Hall',
    });
    expect(concert.status).toBe(201);
    const schedule = await admin.call(
      'POST',
      `/api/v1/admin/concerts/${concert.body.concertId}/schedules`,
      {
        startsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
        seatCount: 10,
        price: 120_000,
      },
    );
    expect(schedule.status).toBe(201);

    const fan = await new Fan(system.gatewayUrl, 'journey_fan').signUpAndLogIn();
    expect((await fan.charge(200_000)).body).toEqual({ balance: 200_000 });

    const concerts = await fan.call('GET', '/api/v1/concerts');
    expect(concerts.body.items.map((c: { concertId: string }) => c.concertId)).toContain(
      concert.body.concertId,
    );
    const schedules = await fan.call('GET', `/api/v1/concerts/${concert.body.concertId}/schedules`);
    expect(schedules.body).toEqual([
      expect.objectContaining({ scheduleId: schedule.body.scheduleId, availableSeats: 10 }),
    ]);
    const seatMap = await fan.call('GET', `/api/v1/schedules/${schedule.body.scheduleId}/seats`);
    expect(seatMap.body.seats).toHaveLength(10);
    const seat = seatMap.body.seats[0];
    expect(seat).toMatchObject({ number: 1, price: 120_000, status: 'AVAILABLE' });

    const token = await fan.takeQueueToken(schedule.body.scheduleId);
    expect(token.status).toBe(201);
    await fan.waitUntilActive();

    const hold = await fan.hold(schedule.body.scheduleId, seat.seatId);
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({ status: 'HELD', price: 120_000 });

    const payment = await fan.pay(hold.body.reservationId);
    expect(payment.status).toBe(200);
    expect(payment.body).toMatchObject({
      reservationId: hold.body.reservationId,
      status: 'COMPLETED',
      amount: 120_000,
      balance: 80_000,
    });

    const reservation = await fan.call('GET', `/api/v1/reservations/${hold.body.reservationId}`);
    expect(reservation.body.status).toBe('CONFIRMED');
    expect((await fan.call('GET', '/api/v1/wallet')).body).toEqual({
      userId: fan.userId,
      balance: 80_000,
    });
    await expectInvariants(system);
    // The gateway may answer with a seat map up to a second old (the concert's max-age).
    const soldMap = await eventually(
      () => fan.call('GET', `/api/v1/schedules/${schedule.body.scheduleId}/seats`),
      (answer) => answer.body?.seats?.[0]?.status === 'SOLD',
      5_000,
    );
    expect(soldMap.body.seats[0].status).toBe('SOLD');
    // Paying ended the fan's turn in the waiting room.
    expect([404, 410]).toContain((await fan.call('GET', '/api/v1/queue/tokens/current')).status);
  });
});
