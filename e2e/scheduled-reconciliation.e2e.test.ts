import { eventually } from '@headliner/testing';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { freeSeatOf, timeOutSaleAfterDebit } from './support/booking-corruptions';
import { ledgerKindsOf } from './support/in-database';
import { activeFan, hold, pay } from './support/booking-steps';
import { createSchedule, Fan } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

describe('when the reservation service reconciles on its own (every second, 2 s grace)', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem(
      { RECONCILE_INTERVAL_MS: '1000', RECONCILE_GRACE_SECONDS: '2', PAYMENT_WAIT_MS: '3000' },
      { reconciliation: true },
    );
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function metric(name: string, kind: string): Promise<number> {
    const text = await (await fetch(`${system.managementUrl('reservation')}/metrics`)).text();
    const line = text.split('\n').find((row) => row.startsWith(`${name}{kind="${kind}"} `));
    return Number(line?.split(' ')[1] ?? 0);
  }

  it('refunds a lost cancellation and shows a lost sale, counts them, then reports none', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 2, 40_000);
    const buyers = await Promise.all(
      [0, 1].map(() => activeFan(system.gatewayUrl, 100_000, scheduleId)),
    );
    const [timedOut, unshown] = await Promise.all(
      buyers.map(async (fan, index) => {
        const reservationId = await hold(fan, scheduleId, seats[index]!.seatId);
        await pay(fan, reservationId, 200);
        return reservationId;
      }),
    );
    await expectInvariants(system);

    await timeOutSaleAfterDebit(system, timedOut!);
    await freeSeatOf(system, unshown!);

    const repairs = 'reservation_reconciliation_repairs_total';
    const repaired = await eventually(
      async () => [
        await metric(repairs, 'debit_not_paid'),
        await metric(repairs, 'sale_not_shown'),
      ],
      (counts) => counts.every((count) => count >= 1),
      30_000,
    );
    expect(Math.min(...repaired)).toBeGreaterThanOrEqual(1);
    await expectInvariants(system);
    expect((await buyers[0]!.call('GET', '/api/v1/wallet')).body.balance).toBe(100_000);
    const found = 'reservation_reconciliation_mismatches';
    const foundNow = await eventually(
      async () => [await metric(found, 'debit_not_paid'), await metric(found, 'sale_not_shown')],
      (counts) => counts.every((count) => count === 0),
      10_000,
    );
    expect(foundNow).toEqual([0, 0]);
    // Refunded once, whichever runs sent the cancellation before the wallet had applied it.
    expect(await ledgerKindsOf(system, timedOut!)).toEqual(['DEBIT', 'REFUND']);
  });
});
