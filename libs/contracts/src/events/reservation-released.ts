import { z } from 'zod';
import { EntityId } from '../entity-id';
import { eventEnvelope } from './envelope';

export const RESERVATION_RELEASED = 'reservation.released';
export const RESERVATION_RELEASED_VERSION = 1;

// Values are only ever added: consumers match on them, so deploy them before a producer sends a
// new one. PAYMENT_TIMED_OUT: the wallet did not answer the payment in time (see payment.cancelled).
// CANCELLED: the fan released an unpaid hold (or the reconciliation a hold that ended).
// BOOKING_CANCELLED: the fan cancelled a confirmed booking; the only release that follows a
// reservation.confirmed, so the catalogue keeps it over a confirmation that arrives after it.
export const ReleaseReason = z.enum([
  'EXPIRED',
  'CANCELLED',
  'PAYMENT_FAILED',
  'PAYMENT_TIMED_OUT',
  'BOOKING_CANCELLED',
]);
export type ReleaseReason = z.infer<typeof ReleaseReason>;

export const ReservationReleasedPayload = z.object({
  reservationId: EntityId,
  scheduleId: EntityId,
  seatId: EntityId,
  userId: EntityId,
  reason: ReleaseReason,
});
export type ReservationReleasedPayload = z.infer<typeof ReservationReleasedPayload>;

export const ReservationReleasedEvent = eventEnvelope(
  RESERVATION_RELEASED,
  RESERVATION_RELEASED_VERSION,
  ReservationReleasedPayload,
);
export type ReservationReleasedEvent = z.infer<typeof ReservationReleasedEvent>;
