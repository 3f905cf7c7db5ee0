import { eventually } from '@headliner/testing';
import { ADMIN, checkBookingInvariants, startSystem, type System } from '@headliner/system';
import { freeSeatOf, takeSeatFor, timeOutSaleAfterDebit } from './support/booking-corruptions';
import { inDatabase, ledgerKindsOf } from './support/in-database';
import { activeFan as activeFanOf, hold, pay } from './support/booking-steps';
import { createSchedule, Fan } from './support/gateway-client';
import { expectInvariants } from './support/invariants';
import { runReconcile, type LoggedMismatch } from './support/reconcile-command';

let system: System;
let admin: Fan;

const activeFan = (balance: number, scheduleId: string) =>
  activeFanOf(system.gatewayUrl, balance, scheduleId);

async function brokenInvariants(): Promise<string[]> {
  const { violations } = await checkBookingInvariants(
    {
      reservation: system.databaseUrl('reservation'),
      wallet: system.databaseUrl('wallet'),
      concert: system.databaseUrl('concert'),
    },
    { settleWithinMs: 0 },
  );
  return violations;
}

async function queuePaymentEvents(outcome: string): Promise<number> {
  const text = await (await fetch(`${system.managementUrl('queue')}/metrics`)).text();
  const line = text
    .split('\n')
    .find((row) => row.startsWith(`queue_payment_events_total{outcome="${outcome}"} `));
  return Number(line?.split(' ')[1] ?? 0);
}

const byReservation = (mismatches: LoggedMismatch[], ids: string[]) =>
  mismatches
    .filter((mismatch) => ids.includes(mismatch.reservationId))
    .map(({ kind, reservationId, repair, outcome }) => ({ kind, reservationId, repair, outcome }))
    .sort((a, b) => `${a.reservationId}${a.kind}`.localeCompare(`${b.reservationId}${b.kind}`));

describe('when the databases disagree after the saga settled (npm run reconcile)', () => {
  beforeAll(async () => {
    system = await startSystem({ PAYMENT_WAIT_MS: '3000' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('finds each mismatch with a safe repair, repairs it once, and then finds nothing', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 6, 40_000);
    const seat = (index: number) => seats[index]!.seatId;
    const buyer = await activeFan(100_000, scheduleId);
    const sold = await hold(buyer, scheduleId, seat(0));
    await pay(buyer, sold, 200);
    const secondBuyer = await activeFan(100_000, scheduleId);
    const soldToo = await hold(secondBuyer, scheduleId, seat(1));
    await pay(secondBuyer, soldToo, 200);
    const refused = await Promise.all(
      [2, 3, 4].map(async (index) => {
        const fan = await activeFan(0, scheduleId);
        const reservationId = await hold(fan, scheduleId, seat(index));
        await pay(fan, reservationId, 402);
        return reservationId;
      }),
    );
    const [timedOut, heldInCatalogue, soldInCatalogue] = refused as [string, string, string];
    const held = await hold(await activeFan(0, scheduleId), scheduleId, seat(5));
    await expectInvariants(system);

    await timeOutSaleAfterDebit(system, sold);
    // A timed-out payment whose payment.cancelled never reached the wallet.
    await inDatabase(system, 'reservation', [
      `UPDATE payments SET failure_reason = 'TIMED_OUT' WHERE reservation_id = $1`,
      [timedOut],
    ]);
    // The catalogue lost a sale, kept two ended reservations' seats, and lost a live hold.
    await freeSeatOf(system, soldToo);
    await takeSeatFor(system, seat(3), heldInCatalogue, 'HELD');
    await takeSeatFor(system, seat(4), soldInCatalogue, 'SOLD');
    await freeSeatOf(system, held);

    expect(await brokenInvariants()).not.toEqual([]);

    const young = await runReconcile(system, []);
    expect(young.mismatches).toEqual([]);
    expect(young.exitCode).toBe(0);

    const expected = [
      { kind: 'debit_not_paid', reservationId: sold, repair: 'payment.cancelled' },
      { kind: 'cancellation_not_recorded', reservationId: timedOut, repair: 'payment.cancelled' },
      { kind: 'sale_not_shown', reservationId: soldToo, repair: 'reservation.confirmed' },
      { kind: 'seat_not_released', reservationId: heldInCatalogue, repair: 'reservation.released' },
      { kind: 'seat_not_released', reservationId: soldInCatalogue, repair: 'reservation.released' },
      { kind: 'hold_not_shown', reservationId: held, repair: 'reservation.held' },
    ];
    const ids = expected.map((mismatch) => mismatch.reservationId);
    const withOutcome = (outcome: string) =>
      byReservation(
        expected.map((mismatch) => ({ ...mismatch, outcome })),
        ids,
      );
    const dryRun = await runReconcile(system, ['--grace-seconds', '0']);
    expect(byReservation(dryRun.mismatches, ids)).toEqual(withOutcome('dry_run'));
    expect(dryRun.mismatches).toHaveLength(expected.length);
    expect(dryRun.exitCode).toBe(2);

    // The fan whose sale the catalogue lost is back in the waiting room for another seat.
    await secondBuyer.joinQueue(scheduleId);
    await secondBuyer.waitUntilActive();
    const repair = await runReconcile(system, ['--grace-seconds', '0', '--repair']);
    expect(byReservation(repair.mismatches, ids)).toEqual(withOutcome('sent'));
    expect(repair.mismatches).toHaveLength(expected.length);

    await expectInvariants(system);
    // The queue applied the sale sent again without ending the session begun after it.
    const queueApplied = await eventually(
      () => queuePaymentEvents('no-active-token'),
      (count) => count >= 1,
      10_000,
    );
    expect(queueApplied).toBe(1);
    const token = await secondBuyer.call('GET', '/api/v1/queue/tokens/current');
    expect(token.body.status).toBe('ACTIVE');
    expect((await buyer.call('GET', '/api/v1/wallet')).body.balance).toBe(100_000);
    const again = await runReconcile(system, ['--grace-seconds', '0', '--repair']);
    expect(again.mismatches).toEqual([]);
    expect(again.exitCode).toBe(0);
    // Refunded once, however many times the cancellation was sent.
    expect(await ledgerKindsOf(system, sold)).toEqual(['DEBIT', 'REFUND']);
    expect(await ledgerKindsOf(system, timedOut)).toEqual([]);
    await expectInvariants(system);
  });

  it('reports the mismatches with no safe repair, and leaves them as they are', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 4, 40_000);
    const bookings = await Promise.all(
      seats.map(async ({ seatId }) => {
        const fan = await activeFan(100_000, scheduleId);
        const reservationId = await hold(fan, scheduleId, seatId);
        await pay(fan, reservationId, 200);
        return reservationId;
      }),
    );
    const [notDebited, wrongAmount, unanswered, unconfirmed] = bookings as [
      string,
      string,
      string,
      string,
    ];
    await expectInvariants(system);

    await inDatabase(system, 'wallet', [
      `WITH debit AS (DELETE FROM ledger_entries WHERE reference = $1 AND kind = 'DEBIT'
         RETURNING user_id, amount)
       UPDATE wallets SET balance = wallets.balance + debit.amount
       FROM debit WHERE wallets.user_id = debit.user_id`,
      [notDebited],
    ]);
    await inDatabase(
      system,
      'reservation',
      [`UPDATE payments SET amount = amount + 1000 WHERE reservation_id = $1`, [wrongAmount]],
      [
        `UPDATE payments SET status = 'REQUESTED', balance_after = NULL,
           created_at = created_at - interval '1 hour'
         WHERE reservation_id = $1`,
        [unanswered],
      ],
      [`UPDATE reservations SET status = 'CANCELLED' WHERE id = $1`, [unconfirmed]],
    );

    const expected = byReservation(
      [
        { kind: 'paid_not_debited', reservationId: notDebited },
        { kind: 'amount_mismatch', reservationId: wrongAmount },
        { kind: 'payment_unanswered', reservationId: unanswered },
        { kind: 'confirmed_not_paid', reservationId: unanswered },
        { kind: 'paid_not_confirmed', reservationId: unconfirmed },
        { kind: 'seat_not_released', reservationId: unconfirmed },
      ],
      bookings,
    );
    for (const run of [1, 2]) {
      const report = await runReconcile(system, ['--grace-seconds', '0', '--repair']);
      expect([run, byReservation(report.mismatches, bookings)]).toEqual([run, expected]);
      expect(report.exitCode).toBe(2);
    }
    expect(await brokenInvariants()).not.toEqual([]);
    expect(await ledgerKindsOf(system, notDebited)).toEqual([]);
    const [seat] = await inDatabase(system, 'concert', [
      'SELECT status::text AS status FROM seats WHERE reservation_id = $1',
      [unconfirmed],
    ]);
    expect(seat).toEqual([{ status: 'SOLD' }]);
  });
});
