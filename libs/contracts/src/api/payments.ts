import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Won } from '../won';
import { apiComponents } from './components';

export const PaymentRequest = z
  .object({ reservationId: EntityId })
  .strict()
  .register(apiComponents, { id: 'PaymentRequest' });
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const PaymentResult = z
  .object({
    paymentId: EntityId,
    reservationId: EntityId,
    status: z.literal('COMPLETED'),
    amount: Won.describe('Won debited: the held price'),
    balance: Won.describe('Wallet balance after the debit'),
  })
  .register(apiComponents, { id: 'PaymentResult' });
export type PaymentResult = z.infer<typeof PaymentResult>;

// The payment saga spans reservation and wallet over Kafka; the gateway answers 202 with this
// rather than hold the request open past its deadline.
export const PaymentPending = z
  .object({
    reservationId: EntityId,
    status: z.literal('PENDING'),
  })
  .describe('The payment is still in progress: poll GET /api/v1/reservations/{reservationId}')
  .register(apiComponents, { id: 'PaymentPending' });
export type PaymentPending = z.infer<typeof PaymentPending>;
