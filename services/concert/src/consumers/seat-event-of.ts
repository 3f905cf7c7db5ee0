import type { BookingEvent } from '@headliner/contracts';
import { NonRetriableError } from '@headliner/platform';
import type { SeatEvent } from '../domain/seat-transitions';

/** What a reservation event says about its seat. */
export function seatEventOf(event: BookingEvent): { seatId: string; event: SeatEvent } {
  switch (event.type) {
    case 'reservation.held': {
      const { seatId, reservationId } = event.payload;
      return { seatId, event: { kind: 'held', reservationId, at: new Date(event.occurredAt) } };
    }
    case 'reservation.released': {
      const { seatId, reservationId, reason } = event.payload;
      const at = new Date(event.occurredAt);
      const cancelsBooking = reason === 'BOOKING_CANCELLED';
      return { seatId, event: { kind: 'released', reservationId, at, cancelsBooking } };
    }
    case 'reservation.confirmed': {
      const { seatId, reservationId } = event.payload;
      return { seatId, event: { kind: 'confirmed', reservationId } };
    }
    default:
      throw new NonRetriableError(`${event.type} does not belong on a reservation topic`);
  }
}
