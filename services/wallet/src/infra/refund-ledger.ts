import { randomUUID } from 'node:crypto';
import { wonOf, type PaymentCancelledPayload } from '@headliner/contracts';
import type { SqlTransaction } from '@headliner/platform/database';

/** What cancelling a payment did to the wallet. */
export type Refund = { result: 'refunded'; amount: number } | { result: 'not_debited' };

/**
 * Gives back what the reservation's debit took, if it was debited: a REFUND ledger entry (its
 * unique (user, kind, reference = reservation) lets a reservation be refunded once) and the
 * balance move together, in one statement. The caller has locked the wallet, so no debit can
 * land meanwhile.
 */
export async function refundDebit(
  tx: SqlTransaction,
  { userId, reservationId }: PaymentCancelledPayload,
): Promise<Refund> {
  const [refund] = await tx.$queryRaw<{ debited: string | null; refunded: string | null }[]>`
    WITH debit AS (
      SELECT amount, payment_id FROM ledger_entries
      WHERE user_id = ${userId}::uuid AND kind = 'DEBIT' AND reference = ${reservationId}),
    refunded AS (
      UPDATE wallets SET balance = balance + (SELECT amount FROM debit), updated_at = now()
      WHERE user_id = ${userId}::uuid AND EXISTS (SELECT 1 FROM debit)
      RETURNING balance),
    entry AS (
      INSERT INTO ledger_entries
        (id, user_id, kind, amount, reference, payment_id, balance_after)
      SELECT ${randomUUID()}::uuid, ${userId}::uuid, 'REFUND', debit.amount, ${reservationId},
        debit.payment_id, refunded.balance
      FROM debit, refunded
      RETURNING amount)
    SELECT (SELECT amount FROM debit) AS debited, (SELECT amount FROM entry) AS refunded`;
  if (!refund?.debited) return { result: 'not_debited' };
  if (!refund.refunded) throw new Error(`the wallet of ${userId} has a debit but no row`);
  return { result: 'refunded', amount: wonOf(refund.refunded) };
}
