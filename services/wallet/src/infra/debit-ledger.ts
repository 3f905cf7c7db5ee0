import { randomUUID } from 'node:crypto';
import { wonOf, type PaymentRequestedPayload } from '@headliner/contracts';
import type { SqlTransaction } from '@headliner/platform/database';
import type { Debit } from '../domain/payment-outcome';

/**
 * Takes the payment's amount from a wallet the caller has locked (lockWallet) if the balance
 * covers it, and records the DEBIT entry, in one statement: the conditional UPDATE means no
 * debit can overdraw the wallet, and the entry's unique (user, kind, reference = reservation)
 * turns a racing second debit of the same reservation into an error that rolls its transaction
 * back.
 */
export async function debitWallet(
  tx: SqlTransaction,
  payment: PaymentRequestedPayload,
): Promise<Debit> {
  const [entry] = await tx.$queryRaw<{ balance_after: string }[]>`
    WITH debited AS (
      UPDATE wallets SET balance = balance - ${payment.amount}::bigint, updated_at = now()
      WHERE user_id = ${payment.userId}::uuid AND balance >= ${payment.amount}::bigint
      RETURNING balance)
    INSERT INTO ledger_entries
      (id, user_id, kind, amount, reference, payment_id, balance_after)
    SELECT ${randomUUID()}::uuid, ${payment.userId}::uuid, 'DEBIT', ${payment.amount}::bigint,
      ${payment.reservationId}, ${payment.paymentId}::uuid, balance
    FROM debited
    RETURNING balance_after`;
  if (!entry) return { result: 'refused', walletExists: true };
  return { result: 'debited', balanceAfter: wonOf(entry.balance_after) };
}
