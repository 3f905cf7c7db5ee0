import { eventually } from '@headliner/testing';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

describe('when a service of the payment saga crashes mid-saga', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem({ PAYMENT_WAIT_MS: '1000' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it.each(['wallet', 'reservation'] as const)(
    'completes the saga after %s restarts, debiting once',
    async (crashed) => {
      const { scheduleId, seats } = await createSchedule(admin, 1, 40_000);
      const fan = await new Fan(system.gatewayUrl, `crash_${crashed}`).signUpAndLogIn();
      await fan.charge(100_000);
      await fan.joinQueue(scheduleId);
      await fan.waitUntilActive();
      const hold = await fan.hold(scheduleId, seats[0]!.seatId);
      expect(hold.status).toBe(201);

      if (crashed === 'wallet') await system.kill('wallet');
      const payment = await fan.pay(hold.body.reservationId);
      if (crashed === 'reservation') await system.kill('reservation');
      expect([200, 202]).toContain(payment.status);

      await system.restart(crashed);
      const settled = await eventually(
        () => fan.call('GET', `/api/v1/reservations/${hold.body.reservationId}`),
        (answer) => answer.body?.status === 'CONFIRMED',
        30_000,
      );
      expect(settled.body.status).toBe('CONFIRMED');
      expect((await fan.call('GET', '/api/v1/wallet')).body.balance).toBe(60_000);
      await expectInvariants(system);
    },
  );
});
