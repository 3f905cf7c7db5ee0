import type { ReservationView } from '@headliner/contracts';
import type { Database } from '../infra/database';
import { reservationColumns, viewOf, type ReservationRow } from './reservation-view';
import type { ScheduleStarts } from './reservation-view';

/** One of the fan's reservations as they see it, or undefined if they have none by that id. */
export async function findReservation(
  db: Database,
  starts: ScheduleStarts,
  userId: string,
  reservationId: string,
): Promise<ReservationView | undefined> {
  const [row] = await db.$queryRaw<ReservationRow[]>`
    SELECT ${reservationColumns}
    FROM reservations r WHERE r.id = ${reservationId}::uuid AND r.user_id = ${userId}::uuid`;
  return row && viewOf(row, starts);
}
