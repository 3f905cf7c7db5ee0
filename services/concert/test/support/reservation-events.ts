import { randomUUID } from 'node:crypto';
import {
  newEvent,
  ReservationConfirmedEvent,
  ReservationHeldEvent,
  ReservationReleasedEvent,
} from '@headliner/contracts';

// Events as the reservation service publishes them, for one seat and one reservation.
export interface SeatOfReservation {
  reservationId: string;
  scheduleId: string;
  seatId: string;
}

const userId = randomUUID();

export function heldEvent(seat: SeatOfReservation, occurredAt = new Date()) {
  const expiresAt = new Date(occurredAt.getTime() + 5 * 60_000).toISOString();
  return newEvent(ReservationHeldEvent, { ...seat, userId, price: 99_000, expiresAt }, occurredAt);
}

export function releasedEvent(seat: SeatOfReservation, occurredAt = new Date()) {
  return newEvent(ReservationReleasedEvent, { ...seat, userId, reason: 'EXPIRED' }, occurredAt);
}

/** The release of a confirmed booking its fan cancelled: the seat goes back on sale. */
export function bookingCancelledEvent(seat: SeatOfReservation, occurredAt = new Date()) {
  return newEvent(
    ReservationReleasedEvent,
    { ...seat, userId, reason: 'BOOKING_CANCELLED' },
    occurredAt,
  );
}

export function confirmedEvent(seat: SeatOfReservation) {
  return newEvent(ReservationConfirmedEvent, {
    ...seat,
    userId,
    paymentId: randomUUID(),
    amount: 99_000,
  });
}
