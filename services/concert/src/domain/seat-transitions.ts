export type SeatStatus = 'AVAILABLE' | 'HELD' | 'SOLD';

/** What the catalogue knows of a seat's occupancy. */
export interface SeatOccupancy {
  status: SeatStatus;
  /** The reservation holding or having bought it; null while AVAILABLE. */
  reservationId: string | null;
  /** When the current hold began; null unless HELD. */
  heldAt: Date | null;
}

/** A reservation event, reduced to what it says about one seat. */
export type SeatEvent =
  | { kind: 'held'; reservationId: string; at: Date }
  | { kind: 'released'; reservationId: string }
  | { kind: 'confirmed'; reservationId: string };

/**
 * The seat after an event, or undefined when the event changes nothing (a replay, or one that
 * arrives after a newer event about the same seat). Events of one reservation arrive in order,
 * but those of different reservations travel in different partitions, so:
 * - a hold takes an available seat, or replaces an older hold whose release is still in flight
 *   (the reservation service allows one live hold per seat, so the newer hold is the live one);
 * - a release frees the seat only if that reservation still holds it;
 * - a sale is final and wins over any hold, even one this catalogue has not seen yet.
 */
export function seatAfter(seat: SeatOccupancy, event: SeatEvent): SeatOccupancy | undefined {
  switch (event.kind) {
    case 'held': {
      const takesSeat =
        seat.status === 'AVAILABLE' ||
        (seat.status === 'HELD' &&
          seat.reservationId !== event.reservationId &&
          seat.heldAt !== null &&
          seat.heldAt < event.at);
      return takesSeat
        ? { status: 'HELD', reservationId: event.reservationId, heldAt: event.at }
        : undefined;
    }
    case 'released':
      return seat.status === 'HELD' && seat.reservationId === event.reservationId
        ? { status: 'AVAILABLE', reservationId: null, heldAt: null }
        : undefined;
    case 'confirmed':
      return seat.status === 'SOLD'
        ? undefined
        : { status: 'SOLD', reservationId: event.reservationId, heldAt: null };
  }
}

/** How a schedule's count of available seats moves when one seat goes from `before` to `after`. */
export function availableSeatsChange(before: SeatStatus, after: SeatStatus): -1 | 0 | 1 {
  if (before === after) return 0;
  if (after === 'AVAILABLE') return 1;
  return before === 'AVAILABLE' ? -1 : 0;
}
