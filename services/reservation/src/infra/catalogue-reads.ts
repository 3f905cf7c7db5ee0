import type { SqlDatabase } from '@headliner/platform/database';
import type { CatalogueFacts, ShownSeat } from '../domain/booking-facts';

/**
 * The seats the concert catalogue shows taken, read from its database (a replica will do): a
 * reconciliation reads every context's records, as a finance reconciliation reads the ledgers it
 * compares. Nothing here writes them; repairs go through the catalogue's own events.
 */
export async function readShownSeats(catalogue: SqlDatabase): Promise<CatalogueFacts> {
  const seats = await catalogue.$queryRaw<ShownSeat[]>`
    SELECT id AS "seatId", status::text AS status, reservation_id AS "reservationId"
    FROM seats WHERE status <> 'AVAILABLE'`;
  return {
    byReservation: new Map(seats.map((seat) => [seat.reservationId, seat])),
    bySeat: new Map(seats.map((seat) => [seat.seatId, seat])),
  };
}
