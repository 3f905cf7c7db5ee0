export type SeatStatus = 'AVAILABLE' | 'HELD' | 'SOLD';

/** What the catalogue knows of a seat's occupancy. */
export interface SeatOccupancy {
  status: SeatStatus;
  /** The reservation holding or having bought it; null while AVAILABLE. */
  reservationId: string | null;
  /** When the current hold began; null unless HELD. */
  heldAt: Date | null;
}

/** A reservation event, reduced to what it says about one seat; `at` is its occurredAt. */
export type SeatEvent =
  | { kind: 'held'; reservationId: string; at: Date }
  | { kind: 'released'; reservationId: string; at: Date; cancelsBooking?: boolean }
  | { kind: 'confirmed'; reservationId: string };

export type SeatRelease = Extract<SeatEvent, { kind: 'released' }>;

/**
 * The seat after an event, or undefined when the event changes nothing (a replay, or one that
 * arrives after a newer event about the same seat). Held, released and confirmed travel on
 * different topics, so no two of them are ordered, not even one reservation's:
 * - a hold takes an available seat, or replaces an older hold whose release is still in flight
 *   (the reservation service allows one live hold per seat, so the newer hold is the live one),
 *   unless its own release came first (`releasedAlready`): that hold is over;
 * - a release frees the seat only if that reservation still holds it; one that finds it not
 *   holding the seat must be remembered (see releaseArrivedFirst);
 * - a sale wins over any hold, even one this catalogue has not seen yet; only a release of that
 *   same reservation undoes it: the fan cancelled the booking (`cancelsBooking`), or the
 *   reservation service's reconciliation corrects a sale shown for a reservation that ended
 *   unpaid. A release is always a reservation's last event, so a sale whose own release came
 *   first (`releasedAlready`) takes nothing.
 */
export function seatAfter(
  seat: SeatOccupancy,
  event: SeatEvent,
  releasedAlready = false,
): SeatOccupancy | undefined {
  switch (event.kind) {
    case 'held': {
      const takesSeat =
        !releasedAlready &&
        (seat.status === 'AVAILABLE' ||
          (seat.status === 'HELD' &&
            seat.reservationId !== event.reservationId &&
            seat.heldAt !== null &&
            seat.heldAt < event.at));
      return takesSeat
        ? { status: 'HELD', reservationId: event.reservationId, heldAt: event.at }
        : undefined;
    }
    case 'released':
      return seat.status !== 'AVAILABLE' && seat.reservationId === event.reservationId
        ? { status: 'AVAILABLE', reservationId: null, heldAt: null }
        : undefined;
    case 'confirmed':
      return seat.status === 'SOLD' || releasedAlready
        ? undefined
        : { status: 'SOLD', reservationId: event.reservationId, heldAt: null };
  }
}

/**
 * A release to remember, so that its reservation's hold or sale, if it comes later, takes
 * nothing: one that changes nothing while the seat is not sold (its hold has not been seen, or
 * was overtaken), and every cancelled booking's, whose sale travels on another topic and may
 * still be on its way. A sold seat needs no memory of another reservation's release.
 */
export function releaseArrivedFirst(seat: SeatOccupancy, release: SeatRelease): boolean {
  return release.cancelsBooking === true || (seat.status !== 'SOLD' && !seatAfter(seat, release));
}

/** How a schedule's count of available seats moves when one seat goes from `before` to `after`. */
export function availableSeatsChange(before: SeatStatus, after: SeatStatus): -1 | 0 | 1 {
  if (before === after) return 0;
  if (after === 'AVAILABLE') return 1;
  return before === 'AVAILABLE' ? -1 : 0;
}
