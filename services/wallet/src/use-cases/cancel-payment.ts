import type { PaymentCancelledPayload } from '@headliner/contracts';
import { NonRetriableError, type Logger } from '@headliner/platform';
import type { SqlTransaction } from '@headliner/platform/database';
import { saleConfirmed } from '../infra/confirmed-sales';
import { rememberCancellation } from '../infra/payment-cancellations';
import { refundDebit } from '../infra/refund-ledger';
import { lockOrOpenWallet } from '../infra/wallet-lock';
import { refundedWon, refunds } from '../metrics';

/**
 * Undoes a payment the reservation service gave up on (its hold is released), or whose booking
 * the fan cancelled, in the caller's (the inbox's) transaction: refunds the debit if the request
 * was settled first, and otherwise remembers the cancellation so the request, when it comes,
 * debits nothing. Either way once per reservation. Nobody waits for an answer, so none is sent.
 *
 * Any other cancellation of a sale the reservation service confirmed (recordSale) contradicts
 * it: the seat is the fan's, so the money stays taken. Refused with a NonRetriableError, which
 * rolls this transaction back and parks the event in the DLQ for an operator.
 */
export async function cancelPayment(
  tx: SqlTransaction,
  cancellation: PaymentCancelledPayload,
  logger: Logger,
): Promise<void> {
  await lockOrOpenWallet(tx, cancellation.userId);
  // Counted before commit, as debits are: the ledger, not the counters, is the record.
  const fanCancelled = cancellation.reason === 'CANCELLED_BY_FAN';
  if (!fanCancelled && (await saleConfirmed(tx, cancellation.reservationId))) {
    refunds.inc({ outcome: 'refused_confirmed' });
    const { paymentId, reservationId, reason } = cancellation;
    logger.error(
      { paymentId, reservationId, userId: cancellation.userId, reason },
      'payment.cancelled for a confirmed sale: refund refused',
    );
    throw new NonRetriableError(
      `payment ${paymentId} was cancelled (${reason}) but reservation ${reservationId} ` +
        'is a confirmed sale: not refunded',
    );
  }
  if (!(await rememberCancellation(tx, cancellation))) {
    refunds.inc({ outcome: 'already_cancelled' });
    return;
  }
  const refund = await refundDebit(tx, cancellation);
  refunds.inc({ outcome: refund.result });
  if (refund.result === 'refunded') refundedWon.inc(refund.amount);
}
