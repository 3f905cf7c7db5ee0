import type { PaymentCancellationReason } from '@headliner/contracts';

/**
 * Every kind of disagreement the reconciliation looks for; a metric label, so the list is fixed.
 * Money (payments against the wallet's ledger):
 * - debit_not_paid: the wallet took money for a reservation with no completed payment;
 * - cancellation_not_recorded: a timed-out payment the wallet never heard was cancelled;
 * - paid_not_debited: a completed payment with no standing debit behind it;
 * - amount_mismatch: a completed payment and its debit disagree on the amount;
 * - payment_unanswered: a payment still awaiting the wallet long after it should have timed out;
 * - paid_not_confirmed / confirmed_not_paid: a completed payment and its reservation's sale
 *   disagree within this service's own records;
 * - refund_not_made: the fan cancelled a booking but the wallet still keeps its debit.
 * Seats (reservations against the catalogue):
 * - sale_not_shown: a confirmed reservation whose seat the catalogue does not show sold to it;
 * - hold_not_shown: a held reservation whose seat the catalogue does not show held by it;
 * - seat_not_released: the catalogue shows a seat taken by a reservation that ended.
 */
export const mismatchKinds = [
  'debit_not_paid',
  'cancellation_not_recorded',
  'paid_not_debited',
  'amount_mismatch',
  'payment_unanswered',
  'paid_not_confirmed',
  'confirmed_not_paid',
  'refund_not_made',
  'sale_not_shown',
  'hold_not_shown',
  'seat_not_released',
] as const;
export type MismatchKind = (typeof mismatchKinds)[number];

/** The saga event that would have closed the gap, sent again under a new event id. */
export type Repair =
  | {
      send: 'payment.cancelled';
      paymentId: string;
      userId: string;
      amount: number;
      reason: PaymentCancellationReason;
    }
  | { send: 'reservation.confirmed' }
  | { send: 'reservation.held' }
  | { send: 'reservation.released' };

export interface Mismatch {
  kind: MismatchKind;
  reservationId: string;
  seatId?: string;
  paymentId?: string;
  userId?: string;
  /** What disagrees, in words. */
  detail: string;
  /** Absent when there is no one safe repair: `detail` then says why a person must look. */
  repair?: Repair;
}
