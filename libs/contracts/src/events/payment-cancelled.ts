import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Won } from '../won';
import { eventEnvelope } from './envelope';

export const PAYMENT_CANCELLED = 'payment.cancelled';
export const PAYMENT_CANCELLED_VERSION = 1;

// Values are only ever added: deploy the wallet before a producer sends a new one. TIMED_OUT: the
// wallet did not answer in time; RECONCILED: the reconciliation found a debit whose reservation
// ended unpaid, and no cancellation reached the wallet; CANCELLED_BY_FAN: the fan cancelled a
// confirmed booking before its cutoff, and the wallet refunds that sale once.
export const PaymentCancellationReason = z.enum(['TIMED_OUT', 'RECONCILED', 'CANCELLED_BY_FAN']);
export type PaymentCancellationReason = z.infer<typeof PaymentCancellationReason>;

/**
 * The reservation service gave up on a payment the wallet never answered, and released its hold
 * (or its reconciliation found the payment debited for a reservation that ended unpaid, or the
 * fan cancelled the booking it paid for). The wallet refunds the payment if it debited it, and
 * otherwise must never debit it.
 */
export const PaymentCancelledPayload = z.object({
  paymentId: EntityId,
  reservationId: EntityId,
  userId: EntityId,
  amount: Won,
  reason: PaymentCancellationReason,
});
export type PaymentCancelledPayload = z.infer<typeof PaymentCancelledPayload>;

export const PaymentCancelledEvent = eventEnvelope(
  PAYMENT_CANCELLED,
  PAYMENT_CANCELLED_VERSION,
  PaymentCancelledPayload,
);
export type PaymentCancelledEvent = z.infer<typeof PaymentCancelledEvent>;
