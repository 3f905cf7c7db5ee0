import { ADMIN, startSystem, type System } from '@headliner/system';
import { eventually } from '@headliner/testing';
import { activeFan, hold } from './support/booking-steps';
import { createSchedule, Fan, type Answer } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

const saleOnHold = 'https://headliner.dev/problems/sale-on-hold';

describe('when an operator puts a schedule’s sale on hold through the gateway', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem();
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  const saleHold = (scheduleId: string) => `/api/v1/admin/schedules/${scheduleId}/sale-hold`;

  /**
   * Holds the schedule's seats one after another until one is refused: the hold reaches the
   * reservation service over Kafka a moment after the admin's answer, and a seat held meanwhile
   * is a valid hold. Returns the refusal.
   */
  async function holdUntilRefused(fan: Fan, scheduleId: string, seatIds: string[]) {
    for (const seatId of seatIds) {
      const answer = await fan.hold(scheduleId, seatId);
      if (answer.status !== 201) return answer;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('every seat was held: the sale hold never reached the reservation service');
  }

  it('refuses new holds with 409 sale-on-hold, lets an earlier hold be paid, and sells again once resumed', async () => {
    const { concertId, scheduleId, seats } = await createSchedule(admin, 10, 40_000);
    const buyer = await activeFan(system.gatewayUrl, 100_000, scheduleId);
    const latecomer = await activeFan(system.gatewayUrl, 0, scheduleId);
    const earlier = await hold(buyer, scheduleId, seats[0]!.seatId);

    const held = await admin.call('PUT', saleHold(scheduleId), { reason: 'payment provider down' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      scheduleId,
      saleState: 'ON_HOLD',
      reason: 'payment provider down',
    });

    const refused: Answer = await holdUntilRefused(
      latecomer,
      scheduleId,
      seats.slice(1, 5).map((seat) => seat.seatId),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe(saleOnHold);
    const paid = await buyer.pay(earlier);
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('COMPLETED');
    // The catalogue shows it, once the gateway's cached answers (max-age 1 s) have aged out.
    const shown = await eventually(
      async () => [
        (await latecomer.call('GET', `/api/v1/schedules/${scheduleId}/seats`)).body.saleState,
        (await latecomer.call('GET', `/api/v1/concerts/${concertId}/schedules`)).body[0].saleState,
      ],
      (states) => states.every((state) => state === 'ON_HOLD'),
      5_000,
    );
    expect(shown).toEqual(['ON_HOLD', 'ON_HOLD']);

    const resumed = await admin.call('DELETE', saleHold(scheduleId));
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ scheduleId, saleState: 'ON_SALE', reason: null });
    const again = await eventually(
      () => latecomer.hold(scheduleId, seats[9]!.seatId),
      (answer) => answer.status === 201,
      10_000,
    );
    expect(again.status).toBe(201);
    await expectInvariants(system);
  });

  it('refuses a fan the admin routes with 403 and leaves the sale as it was', async () => {
    const { scheduleId } = await createSchedule(admin, 1);
    const fan = await activeFan(system.gatewayUrl, 0, scheduleId);
    for (const [method, body] of [
      ['PUT', { reason: 'mine now' }],
      ['DELETE', undefined],
    ] as const) {
      const answer = await fan.call(method, saleHold(scheduleId), body);
      expect(answer.status).toBe(403);
    }
    const seatMap = await fan.call('GET', `/api/v1/schedules/${scheduleId}/seats`);
    expect(seatMap.body.saleState).toBe('ON_SALE');
  });
});
