import type { BookingFacts, ReservationFact, ShownSeat } from './booking-facts';
import type { Mismatch } from './mismatch';

const shownAs = { HELD: 'HELD', CONFIRMED: 'SOLD' } as const;
const shown = (seat?: ShownSeat) =>
  seat ? `${seat.status} for reservation ${seat.reservationId}` : 'AVAILABLE';

/**
 * Reservations (the truth about who holds or bought a seat) against the catalogue's view. Each
 * repair sends again the reservation event the catalogue missed, which it applies by the seat's
 * state and not by event id: a seat already right stays as it is.
 */
export function seatMismatches({ reservations, catalogue }: BookingFacts): Mismatch[] {
  const found: Mismatch[] = [];
  for (const reservation of reservations.values()) {
    if (
      reservation.settled &&
      (reservation.status === 'HELD' || reservation.status === 'CONFIRMED')
    ) {
      const mismatch = liveSeatNotShown(reservation, catalogue);
      if (mismatch) found.push(mismatch);
    }
  }
  for (const seat of catalogue.bySeat.values()) {
    const mismatch = seatNotReleased(seat, reservations.get(seat.reservationId));
    if (mismatch) found.push(mismatch);
  }
  return found;
}

function liveSeatNotShown(
  reservation: ReservationFact,
  catalogue: BookingFacts['catalogue'],
): Mismatch | undefined {
  const expected = shownAs[reservation.status as 'HELD' | 'CONFIRMED'];
  if (catalogue.byReservation.get(reservation.id)?.status === expected) return undefined;
  const seat = catalogue.bySeat.get(reservation.seatId);
  const confirmed = reservation.status === 'CONFIRMED';
  const found = {
    kind: confirmed ? 'sale_not_shown' : 'hold_not_shown',
    reservationId: reservation.id,
    seatId: reservation.seatId,
    userId: reservation.userId,
    detail: `the reservation is ${reservation.status}, the catalogue shows its seat ${shown(seat)}`,
  } as const;
  // Only that other reservation's release frees the seat (reported as seat_not_released when
  // it ended); the next run sends this one's event.
  if (seat?.status === 'SOLD') return found;
  if (confirmed) return { ...found, repair: { send: 'reservation.confirmed' } };
  // The other reservation's hold ends (and is reported) first; the next run sends this one's.
  if (seat) return found;
  return { ...found, repair: { send: 'reservation.held' } };
}

function seatNotReleased(seat: ShownSeat, reservation?: ReservationFact): Mismatch | undefined {
  const found = {
    kind: 'seat_not_released',
    reservationId: seat.reservationId,
    seatId: seat.seatId,
  } as const;
  if (!reservation) {
    return {
      ...found,
      detail: `the catalogue shows the seat ${seat.status} for an unknown reservation`,
    };
  }
  if (!reservation.settled || reservation.status === 'HELD' || reservation.status === 'CONFIRMED') {
    return undefined;
  }
  const detail = `the catalogue shows the seat ${seat.status}, the reservation is ${reservation.status}`;
  const paid = reservation.payments.some((payment) => payment.status === 'COMPLETED');
  if (paid && !reservation.cancelledByFan) {
    return { ...found, userId: reservation.userId, detail: `${detail} with a completed payment` };
  }
  return { ...found, userId: reservation.userId, detail, repair: { send: 'reservation.released' } };
}
