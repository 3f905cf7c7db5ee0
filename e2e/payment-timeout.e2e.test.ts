import { randomUUID } from 'node:crypto';
import { eventually } from '@headliner/testing';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan } from './support/gateway-client';
import { ledgerKindsOf } from './support/in-database';
import { expectInvariants } from './support/invariants';

describe('when the wallet stays down past the payment time-out (3 s, swept every 0.5 s)', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem({
      PAYMENT_TIMEOUT_SECONDS: '3',
      EXPIRY_SWEEP_INTERVAL_MS: '500',
      PAYMENT_WAIT_MS: '1000',
    });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('gives the seat back, and the fan keeps every won once the wallet is back', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 1, 40_000);
    const seatId = seats[0]!.seatId;
    const fan = await new Fan(
      system.gatewayUrl,
      `timeout_${randomUUID().slice(0, 6)}`,
    ).signUpAndLogIn();
    await fan.charge(100_000);
    await fan.joinQueue(scheduleId);
    await fan.waitUntilActive();
    const hold = await fan.hold(scheduleId, seatId);
    expect(hold.status).toBe(201);
    const { reservationId } = hold.body;

    await system.kill('wallet');
    const key = randomUUID();
    const payment = await fan.pay(reservationId, key);
    expect(payment.status).toBe(202);

    const settled = await eventually(
      () => fan.call('GET', `/api/v1/reservations/${reservationId}`),
      (answer) => answer.body?.status === 'CANCELLED',
      20_000,
    );
    expect(settled.body.status).toBe('CANCELLED');
    const seatMap = await eventually(
      () => fan.call('GET', `/api/v1/schedules/${scheduleId}/seats`),
      (answer) => answer.body?.seats?.[0]?.status === 'AVAILABLE',
      10_000,
    );
    expect(seatMap.body.seats[0].status).toBe('AVAILABLE');
    const replay = await fan.pay(reservationId, key);
    expect(replay.status).toBe(409);
    expect(replay.body.type).toMatch(/payment-timed-out$/);

    await system.restart('wallet');
    // Settled once the wallet has recorded the cancellation, whichever event it read first.
    await expectInvariants(system);
    expect((await fan.call('GET', '/api/v1/wallet')).body.balance).toBe(100_000);
    expect([[], ['DEBIT', 'REFUND']]).toContainEqual(await ledgerKindsOf(system, reservationId));
    // The seat is free for real: the fan holds it again at once.
    expect((await fan.hold(scheduleId, seatId)).status).toBe(201);
    await expectInvariants(system);
  });
});
