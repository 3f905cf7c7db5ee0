import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Won } from '../won';
import { eventEnvelope } from './envelope';

export const PAYMENT_REQUESTED = 'payment.requested';
export const PAYMENT_REQUESTED_VERSION = 1;

export const PaymentRequestedPayload = z.object({
  paymentId: EntityId,
  reservationId: EntityId,
  userId: EntityId,
  amount: Won,
});
export type PaymentRequestedPayload = z.infer<typeof PaymentRequestedPayload>;

export const PaymentRequestedEvent = eventEnvelope(
  PAYMENT_REQUESTED,
  PAYMENT_REQUESTED_VERSION,
  PaymentRequestedPayload,
);
export type PaymentRequestedEvent = z.infer<typeof PaymentRequestedEvent>;
