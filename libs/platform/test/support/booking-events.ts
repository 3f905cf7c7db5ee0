import { randomUUID } from 'node:crypto';
import {
  newEvent,
  ReservationConfirmedEvent,
  ReservationHeldEvent,
  type ReservationConfirmedEvent as Confirmed,
  type ReservationHeldEvent as Held,
} from '@headliner/contracts';

/** A reservation.held event of the contracts' registry, for a fresh reservation. */
export function aHold(): Held {
  return newEvent(ReservationHeldEvent, {
    reservationId: randomUUID(),
    scheduleId: randomUUID(),
    seatId: randomUUID(),
    userId: randomUUID(),
    price: 50_000,
    expiresAt: new Date(Date.now() + 300_000).toISOString(),
  });
}

/** The reservation.confirmed event of a hold. */
export function theSaleOf(hold: Held): Confirmed {
  const { reservationId, scheduleId, seatId, userId, price } = hold.payload;
  return newEvent(ReservationConfirmedEvent, {
    reservationId,
    scheduleId,
    seatId,
    userId,
    paymentId: randomUUID(),
    amount: price,
  });
}
