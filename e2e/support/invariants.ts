import { eventually } from '@headliner/testing';
import { Client } from 'pg';
import type { System } from './system';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function snapshot(system: System) {
  const reservation = system.databaseUrl('reservation');
  const wallet = system.databaseUrl('wallet');
  const [seatsSoldTwice] = await query<{ n: string }>(
    reservation,
    `SELECT count(*) AS n FROM (SELECT seat_id FROM reservations WHERE status IN ('HELD','CONFIRMED')
       GROUP BY seat_id HAVING count(*) > 1) twice`,
  );
  const [confirmed] = await query<{ n: string }>(
    reservation,
    `SELECT count(*) AS n FROM reservations WHERE status = 'CONFIRMED'`,
  );
  const [completed] = await query<{ n: string; sum: string }>(
    reservation,
    `SELECT count(*) AS n, coalesce(sum(amount), 0) AS sum FROM payments WHERE status = 'COMPLETED'`,
  );
  const [sold] = await query<{ n: string }>(
    system.databaseUrl('concert'),
    `SELECT count(*) AS n FROM seats WHERE status = 'SOLD'`,
  );
  const [money] = await query<{
    balances: string;
    charges: string;
    debits: string;
    negative: string;
  }>(
    wallet,
    `SELECT (SELECT coalesce(sum(balance), 0) FROM wallets) AS balances,
            (SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE kind = 'CHARGE') AS charges,
            (SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE kind = 'DEBIT') AS debits,
            (SELECT count(*) FROM wallets WHERE balance < 0) AS negative`,
  );
  const debitsPerReservation = await query<{ reference: string; n: string }>(
    wallet,
    `SELECT reference, count(*) AS n FROM ledger_entries WHERE kind = 'DEBIT' GROUP BY reference`,
  );
  return {
    seatsHeldOrSoldTwice: Number(seatsSoldTwice?.n),
    confirmedReservations: Number(confirmed?.n),
    completedPayments: Number(completed?.n),
    soldSeats: Number(sold?.n),
    debits: debitsPerReservation.length,
    reservationsDebitedTwice: debitsPerReservation.filter((row) => Number(row.n) > 1).length,
    negativeBalances: Number(money?.negative),
    balancesPlusPayments: BigInt(money?.balances ?? 0) + BigInt(completed?.sum ?? 0),
    charges: BigInt(money?.charges ?? 0),
    debitedWon: BigInt(money?.debits ?? 0),
    paidWon: BigInt(completed?.sum ?? 0),
  };
}

/**
 * The booking invariants, once the saga has settled: no seat held or sold twice; confirmed
 * reservations = completed payments = sold seats = debits; no reservation debited twice; no
 * negative balance; balances + payments = charges.
 */
export async function expectInvariants(system: System): Promise<void> {
  const settled = await eventually(
    () => snapshot(system),
    (s) =>
      s.confirmedReservations === s.completedPayments &&
      s.completedPayments === s.soldSeats &&
      s.debits === s.completedPayments,
    30_000,
  );
  expect(settled.seatsHeldOrSoldTwice).toBe(0);
  expect(settled.reservationsDebitedTwice).toBe(0);
  expect(settled.negativeBalances).toBe(0);
  expect(settled.completedPayments).toBe(settled.confirmedReservations);
  expect(settled.soldSeats).toBe(settled.confirmedReservations);
  expect(settled.debits).toBe(settled.completedPayments);
  expect(settled.debitedWon).toBe(settled.paidWon);
  expect(settled.balancesPlusPayments).toBe(settled.charges);
}
