import { randomUUID } from 'node:crypto';
import { eventually } from '@headliner/testing';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

describe('when payments race each other or the hold expiry', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem({
      ACTIVE_LIMIT: '200',
      HOLD_TTL_SECONDS: '2',
      EXPIRY_SWEEP_INTERVAL_MS: '500',
    });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function fanHolding(label: string) {
    const { scheduleId, seats } = await createSchedule(admin, 1, 30_000);
    const fan = await new Fan(
      system.gatewayUrl,
      `${label}_${randomUUID().slice(0, 8)}`,
    ).signUpAndLogIn();
    await fan.charge(100_000);
    await fan.joinQueue(scheduleId);
    await fan.waitUntilActive();
    const hold = await fan.hold(scheduleId, seats[0]!.seatId);
    expect(hold.status).toBe(201);
    return { fan, reservationId: hold.body.reservationId as string };
  }

  it('charges a double-submitted payment once and answers both submits alike', async () => {
    const { fan, reservationId } = await fanHolding('double');
    const key = randomUUID();

    const [first, second] = await Promise.all([
      fan.pay(reservationId, key),
      fan.pay(reservationId, key),
    ]);

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.paymentId).toBe(first.body.paymentId);
    expect((await fan.call('GET', '/api/v1/wallet')).body.balance).toBe(70_000);
    await expectInvariants(system);
  });

  it('lets only one of two idempotency keys pay for one reservation', async () => {
    const { fan, reservationId } = await fanHolding('twokeys');

    const answers = await Promise.all([fan.pay(reservationId), fan.pay(reservationId)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect((await fan.call('GET', '/api/v1/wallet')).body.balance).toBe(70_000);
    await expectInvariants(system);
  });

  it('settles a payment sent at the instant the hold expires one way only', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const { fan, reservationId } = await fanHolding(`expiry${round}`);
      const reservation = await fan.call('GET', `/api/v1/reservations/${reservationId}`);
      const msToExpiry = new Date(reservation.body.expiresAt).getTime() - Date.now();
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, msToExpiry - 20 + round * 20)),
      );

      const payment = await fan.pay(reservationId);
      const settled = await eventually(
        () => fan.call('GET', `/api/v1/reservations/${reservationId}`),
        (answer) => answer.body.status !== 'HELD',
      );
      const balance = (await fan.call('GET', '/api/v1/wallet')).body.balance;
      if (payment.status === 200) {
        expect(settled.body.status).toBe('CONFIRMED');
        expect(balance).toBe(70_000);
      } else {
        expect(payment.status).toBe(409);
        expect(settled.body.status).toBe('EXPIRED');
        expect(balance).toBe(100_000);
      }
      outcomes.push(settled.body.status);
    }
    expect(outcomes).toHaveLength(3);
    await expectInvariants(system);
  });
});
