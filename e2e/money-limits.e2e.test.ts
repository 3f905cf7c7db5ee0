import { randomUUID } from 'node:crypto';
import { eventually } from '@headliner/testing';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan } from './support/gateway-client';
import { inDatabase } from './support/in-database';
import { expectInvariants } from './support/invariants';

// Past 2^31 - 1, the largest INTEGER: 215 of the largest charges (10,000,000 won each).
const CHARGES = 215;
const LARGEST_CHARGE = 10_000_000;
const MAX_BALANCE = 2_200_000_000;

describe('when a wallet holds more won than a 32-bit integer', () => {
  let system: System;
  let admin: Fan;
  let fan: Fan;

  beforeAll(async () => {
    system = await startSystem({
      MAX_BALANCE_WON: String(MAX_BALANCE),
      // Over 2.2 billion won in one day, a seat's price more than MAX_BALANCE: far past the
      // default daily charge cap, which must not be what refuses these charges.
      WALLET_DAILY_CHARGE_CAP_WON: String(2 * MAX_BALANCE),
      // The fan charges 215 times in a few seconds.
      RATE_LIMIT_PER_SECOND: '1000',
      RATE_LIMIT_BURST: '1000',
    });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    fan = await new Fan(system.gatewayUrl, `rich_${randomUUID().slice(0, 6)}`).signUpAndLogIn();
    for (let sent = 0; sent < CHARGES; sent += 5) {
      const batch = Array.from({ length: Math.min(5, CHARGES - sent) }, () =>
        fan.charge(LARGEST_CHARGE),
      );
      for (const charged of await Promise.all(batch)) expect(charged.status).toBe(200);
    }
  });

  afterAll(async () => {
    await system?.stop();
  });

  const balance = async () => (await fan.call('GET', '/api/v1/wallet')).body.balance as number;

  async function confirmedSaleRecorded(reservationId: string): Promise<boolean> {
    const [rows] = await inDatabase(system, 'wallet', [
      'SELECT 1 FROM confirmed_sales WHERE reservation_id = $1',
      [reservationId],
    ]);
    return rows?.length === 1;
  }

  it('buys a seat: the payment completes with the exact balance', async () => {
    expect(await balance()).toBe(CHARGES * LARGEST_CHARGE);
    const { scheduleId, seats } = await createSchedule(admin, 1, 10_000);
    await fan.joinQueue(scheduleId);
    await fan.waitUntilActive();
    const hold = await fan.hold(scheduleId, seats[0]!.seatId);
    expect(hold.status).toBe(201);

    const paid = await fan.pay(hold.body.reservationId);

    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'COMPLETED', amount: 10_000 });
    expect(paid.body.balance).toBe(2_149_990_000);
    expect(await balance()).toBe(2_149_990_000);
    const reservation = await fan.call('GET', `/api/v1/reservations/${hold.body.reservationId}`);
    expect(reservation.body.status).toBe('CONFIRMED');
    // The wallet heard of the sale, so no later cancellation can refund it.
    expect(
      await eventually(
        () => confirmedSaleRecorded(hold.body.reservationId),
        (recorded) => recorded,
      ),
    ).toBe(true);
    await expectInvariants(system);
  });

  it('refuses a charge that would pass MAX_BALANCE_WON, naming the amount, and keeps the rest', async () => {
    while (MAX_BALANCE - (await balance()) >= LARGEST_CHARGE) {
      expect((await fan.charge(LARGEST_CHARGE)).status).toBe(200);
    }
    const room = MAX_BALANCE - (await balance());

    const refused = await fan.charge(room + 1);
    const filled = await fan.charge(room);

    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'body.amount', rule: 'max-balance' }),
    ]);
    expect(filled.status).toBe(200);
    expect(filled.body.balance).toBe(MAX_BALANCE);
    expect((await fan.charge(1)).status).toBe(422);
    expect(await balance()).toBe(MAX_BALANCE);
    await expectInvariants(system);
  });
});
