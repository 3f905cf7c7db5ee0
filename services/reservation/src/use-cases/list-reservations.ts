import type { ReservationListQuery, ReservationPage } from '@headliner/contracts';
import type { Database } from '../infra/database';
import { reservationColumns, viewOf, type ReservationRow } from './reservation-view';
import type { ScheduleStarts } from './reservation-view';

/**
 * A page of the fan's reservations, newest first, by keyset on (created_at, id) as the concert
 * list pages: a cursor is the position of the page's last reservation,
 * `<created_at in microseconds since the epoch>_<id as 32 hex digits>`, so pages already read
 * neither shift nor repeat as the fan holds more seats.
 */
export async function listReservations(
  db: Database,
  starts: ScheduleStarts,
  userId: string,
  { limit, cursor }: ReservationListQuery,
): Promise<ReservationPage> {
  const [micros = null, id = null] = cursor?.split('_') ?? [];
  // One row past the page tells whether another page follows.
  const rows = await db.$queryRaw<(ReservationRow & { position: string })[]>`
    SELECT ${reservationColumns},
      floor(extract(epoch FROM r.created_at) * 1000000)::bigint::text || '_' ||
        replace(r.id::text, '-', '') AS position
    FROM reservations r
    WHERE r.user_id = ${userId}::uuid
      AND (${micros}::bigint IS NULL
        OR (r.created_at, r.id) < (timestamp 'epoch' + ${micros}::bigint
                                    * interval '1 microsecond', ${id}::uuid))
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return {
    items: await Promise.all(page.map((row) => viewOf(row, starts))),
    nextCursor: rows.length > limit ? page[page.length - 1]!.position : null,
  };
}
