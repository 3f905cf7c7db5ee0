import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Won } from '../won';
import { eventEnvelope } from './envelope';

export const PAYMENT_FAILED = 'payment.failed';
export const PAYMENT_FAILED_VERSION = 1;

export const PaymentFailureReason = z.enum(['INSUFFICIENT_BALANCE', 'WALLET_NOT_FOUND']);
export type PaymentFailureReason = z.infer<typeof PaymentFailureReason>;

export const PaymentFailedPayload = z.object({
  paymentId: EntityId,
  reservationId: EntityId,
  userId: EntityId,
  amount: Won,
  reason: PaymentFailureReason,
});
export type PaymentFailedPayload = z.infer<typeof PaymentFailedPayload>;

export const PaymentFailedEvent = eventEnvelope(
  PAYMENT_FAILED,
  PAYMENT_FAILED_VERSION,
  PaymentFailedPayload,
);
export type PaymentFailedEvent = z.infer<typeof PaymentFailedEvent>;
