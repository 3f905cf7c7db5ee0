import type { System } from '@headliner/system';
import { inDatabase } from './in-database';

// What a forged request could have changed, per database: every row count of the tables that
// hold facts, and the states and sums that a change of a row's value would move.
const queries = {
  gateway: ['SELECT count(*)::int AS users FROM users'],
  concert: [
    `SELECT (SELECT count(*) FROM concerts)::int AS concerts,
            (SELECT count(*) FROM schedules)::int AS schedules,
            (SELECT count(*) FROM released_reservations)::int AS released`,
    `SELECT status, count(*)::int AS seats FROM seats GROUP BY status ORDER BY status`,
  ],
  reservation: [
    `SELECT status, count(*)::int AS reservations FROM reservations GROUP BY status ORDER BY status`,
    `SELECT status, count(*)::int AS payments FROM payments GROUP BY status ORDER BY status`,
  ],
  wallet: [
    `SELECT (SELECT count(*) FROM wallets)::int AS wallets,
            (SELECT coalesce(sum(balance), 0)::text FROM wallets) AS balances,
            (SELECT count(*) FROM ledger_entries)::int AS ledger_entries,
            (SELECT count(*) FROM payment_cancellations)::int AS cancellations,
            (SELECT count(*) FROM confirmed_sales)::int AS sales`,
  ],
} as const;

export type DatabaseSnapshot = Record<keyof typeof queries, unknown[]>;

export async function snapshotDatabases(system: System): Promise<DatabaseSnapshot> {
  const owners = Object.keys(queries) as (keyof typeof queries)[];
  const results = await Promise.all(
    owners.map((owner) =>
      inDatabase(system, owner, ...queries[owner].map((text): [string, unknown[]] => [text, []])),
    ),
  );
  return Object.fromEntries(owners.map((owner, i) => [owner, results[i]])) as DatabaseSnapshot;
}
