import { PAYMENT_COMPLETED, type PaymentRequestedPayload } from '@headliner/contracts';
import type { SqlTransaction } from '@headliner/platform/database';
import { paymentOutcome, type Debit } from '../domain/payment-outcome';
import { debitWallet } from '../infra/debit-ledger';
import { paymentStanding } from '../infra/payment-standing';
import { lockWallet } from '../infra/wallet-lock';
import { debits } from '../metrics';

const noWallet: Debit = { result: 'refused', walletExists: false };

/**
 * Debits the wallet for a payment request and records the outcome event, all in the caller's
 * (the inbox's) transaction. A reservation already debited, whatever event asked for it, is
 * left alone and answered by nothing: its outcome went out the first time. So is one whose
 * payment the reservation service cancelled already: it has released the hold and expects no
 * answer (one would be ignored as stale).
 */
export async function settlePayment(
  tx: SqlTransaction,
  request: PaymentRequestedPayload,
): Promise<void> {
  const walletFound = await lockWallet(tx, request.userId);
  // Counted before commit: a rolled-back attempt that is retried counts twice, which a rate
  // metric tolerates; the ledger, not this counter, is the record.
  const standing = await paymentStanding(tx, request);
  if (standing.cancelled) {
    debits.inc({ outcome: 'cancelled' });
    return;
  }
  if (standing.debited) {
    debits.inc({ outcome: 'already_debited' });
    return;
  }
  const debit = walletFound ? await debitWallet(tx, request) : noWallet;
  const outcome = paymentOutcome(request, debit);
  const completed = outcome.type === PAYMENT_COMPLETED;
  await tx.publish(outcome);
  debits.inc({ outcome: completed ? 'completed' : outcome.payload.reason.toLowerCase() });
}
