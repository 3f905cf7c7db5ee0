import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Won } from '../won';
import { eventEnvelope } from './envelope';

export const PAYMENT_COMPLETED = 'payment.completed';
export const PAYMENT_COMPLETED_VERSION = 1;

export const PaymentCompletedPayload = z.object({
  paymentId: EntityId,
  reservationId: EntityId,
  userId: EntityId,
  amount: Won,
  balance: Won.describe('Wallet balance after the debit'),
});
export type PaymentCompletedPayload = z.infer<typeof PaymentCompletedPayload>;

export const PaymentCompletedEvent = eventEnvelope(
  PAYMENT_COMPLETED,
  PAYMENT_COMPLETED_VERSION,
  PaymentCompletedPayload,
);
export type PaymentCompletedEvent = z.infer<typeof PaymentCompletedEvent>;
