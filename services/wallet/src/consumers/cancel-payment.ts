import type { PaymentCancelledPayload } from '@headliner/contracts';
import type { SqlTransaction } from '@headliner/platform/database';
import { rememberCancellation } from '../infra/payment-cancellations';
import { refundDebit } from '../infra/refund-ledger';
import { lockOrOpenWallet } from '../infra/wallet-lock';
import { refundedWon, refunds } from '../wallet-metrics';

/**
 * Undoes a payment the reservation service gave up on (its hold is released), in the caller's
 * (the inbox's) transaction: refunds the debit if the request was settled first, and otherwise
 * remembers the cancellation so the request, when it comes, debits nothing. Nobody waits for an
 * answer, so none is sent.
 */
export async function cancelPayment(
  tx: SqlTransaction,
  cancellation: PaymentCancelledPayload,
): Promise<void> {
  await lockOrOpenWallet(tx, cancellation.userId);
  // Counted before commit, as debits are: the ledger, not the counters, is the record.
  if (!(await rememberCancellation(tx, cancellation))) {
    refunds.inc({ outcome: 'already_cancelled' });
    return;
  }
  const refund = await refundDebit(tx, cancellation);
  refunds.inc({ outcome: refund.result });
  if (refund.result === 'refunded') refundedWon.inc(refund.amount);
}
