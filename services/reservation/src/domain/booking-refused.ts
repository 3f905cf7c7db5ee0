export type RefusalReason =
  | 'seat-not-found'
  | 'seat-not-available'
  | 'hold-limit-reached'
  | 'reservation-not-found'
  | 'reservation-not-yours'
  | 'hold-expired'
  | 'reservation-already-paid'
  | 'payment-in-progress'
  | 'payment-timed-out'
  | 'idempotency-key-reused'
  | 'sale-on-hold'
  | 'schedule-not-found'
  | 'seats-available'
  | 'booking-not-confirmed'
  | 'cancellation-cutoff';

/** A hold or payment the booking rules do not allow; `message` is shown to the fan. */
export class BookingRefused extends Error {
  override readonly name = 'BookingRefused';

  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}
