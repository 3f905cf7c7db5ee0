import {
  wonOf,
  type WalletTransaction,
  type WalletTransactionListQuery,
  type WalletTransactionPage,
} from '@headliner/contracts';
import type { SqlStatements } from '@headliner/platform/database';

interface EntryRow {
  id: string;
  kind: WalletTransaction['kind'];
  /** BIGINT, as pg reads it. */
  amount: string;
  balance_after: string;
  reference: string;
  payment_id: string | null;
  created_at: Date;
  position: string;
}

/**
 * A page of the user's ledger, newest first, by keyset on (created_at, id) as the concert list
 * pages: a cursor is the position of the page's last entry, `<created_at in microseconds since
 * the epoch>_<id as 32 hex digits>`, so pages already read neither shift nor repeat as entries
 * are added. A charge's reference is the client's Idempotency-Key, never shown; a debit's and a
 * refund's is the reservation paid for.
 */
export async function ledgerPage(
  db: SqlStatements,
  userId: string,
  { limit, cursor }: WalletTransactionListQuery,
): Promise<WalletTransactionPage> {
  const [micros = null, id = null] = cursor?.split('_') ?? [];
  // One row past the page tells whether another page follows.
  const rows = await db.$queryRaw<EntryRow[]>`
    SELECT id, kind::text AS kind, amount::text AS amount, balance_after::text AS balance_after,
      reference, payment_id, created_at,
      floor(extract(epoch FROM created_at) * 1000000)::bigint::text || '_' ||
        replace(id::text, '-', '') AS position
    FROM ledger_entries
    WHERE user_id = ${userId}::uuid
      AND (${micros}::bigint IS NULL
        OR (created_at, id) < (timestamp 'epoch' + ${micros}::bigint
                                * interval '1 microsecond', ${id}::uuid))
    ORDER BY created_at DESC, id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return {
    items: page.map(transactionOf),
    nextCursor: rows.length > limit ? page[page.length - 1]!.position : null,
  };
}

function transactionOf(row: EntryRow): WalletTransaction {
  return {
    transactionId: row.id,
    kind: row.kind,
    amount: wonOf(row.amount),
    balanceAfter: wonOf(row.balance_after),
    ...(row.kind !== 'CHARGE' && { reservationId: row.reference }),
    ...(row.payment_id !== null && { paymentId: row.payment_id }),
    createdAt: row.created_at.toISOString(),
  };
}
