import {
  newEvent,
  PaymentCompletedEvent,
  PaymentFailedEvent,
  type PaymentRequestedPayload,
} from '@headliner/contracts';

/** What taking a payment's amount from the wallet did. */
export type Debit =
  { result: 'debited'; balanceAfter: number } | { result: 'refused'; walletExists: boolean };

/** The event that answers a payment request. */
export function paymentOutcome(
  request: PaymentRequestedPayload,
  debit: Debit,
): PaymentCompletedEvent | PaymentFailedEvent {
  const { paymentId, reservationId, userId, amount } = request;
  if (debit.result === 'debited') {
    return newEvent(PaymentCompletedEvent, {
      paymentId,
      reservationId,
      userId,
      amount,
      balance: debit.balanceAfter,
    });
  }
  return newEvent(PaymentFailedEvent, {
    paymentId,
    reservationId,
    userId,
    amount,
    reason: debit.walletExists ? 'INSUFFICIENT_BALANCE' : 'WALLET_NOT_FOUND',
  });
}
