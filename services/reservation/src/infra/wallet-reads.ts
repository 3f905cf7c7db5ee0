import type { SqlDatabase } from '@headliner/platform/database';
import type { WalletFact } from '../domain/booking-facts';

interface LedgerRow {
  reference: string;
  kind: 'DEBIT' | 'REFUND';
  user_id: string;
  payment_id: string | null;
  amount: string;
  settled: boolean;
}

/**
 * The wallet's debits, refunds and recorded cancellations by reservation, read from its database
 * (a replica will do; see catalogue-reads.ts). Nothing here writes them; a refund goes through
 * the wallet's own payment.cancelled consumer.
 */
export async function readWalletLedger(
  wallet: SqlDatabase,
  graceSeconds: number,
): Promise<Map<string, WalletFact>> {
  const entries = await wallet.$queryRaw<LedgerRow[]>`
    SELECT reference, kind::text AS kind, user_id, payment_id, amount::text AS amount,
      created_at <= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${graceSeconds}::int)
        AS settled
    FROM ledger_entries WHERE kind IN ('DEBIT', 'REFUND')`;
  const cancellations = await wallet.$queryRaw<{ reservation_id: string }[]>`
    SELECT reservation_id FROM payment_cancellations`;
  const byReservation = new Map<string, WalletFact>();
  const factOf = (reservationId: string) => {
    const fact = byReservation.get(reservationId) ?? { refunded: false, cancelled: false };
    byReservation.set(reservationId, fact);
    return fact;
  };
  for (const entry of entries) {
    const fact = factOf(entry.reference);
    if (entry.kind === 'REFUND') fact.refunded = true;
    else {
      fact.debit = {
        userId: entry.user_id,
        paymentId: entry.payment_id,
        amount: BigInt(entry.amount),
        settled: entry.settled,
      };
    }
  }
  for (const { reservation_id } of cancellations) factOf(reservation_id).cancelled = true;
  return byReservation;
}
