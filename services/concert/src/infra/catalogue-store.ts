import {
  MAX_SCHEDULES_PER_CONCERT,
  MAX_SEATS_PER_SCHEDULE,
  type Concert,
  type ConcertListQuery,
  type ConcertPage,
} from '@headliner/contracts';
import type { SqlStatements } from '@headliner/platform/database';
import type { VersionedSchedule, VersionedSeat, VersionedSeatMap } from '../domain/versioned';

// The catalogue's reads from PostgreSQL, the truth the cache is filled from. Each one walks an
// index: concerts (created_at, id), schedules (concert_id, starts_at), seats (schedule_id, number)
// and the primary keys.

/**
 * A page of concerts, newest first, by keyset on (created_at, id): a cursor is the position of
 * the page's last concert, so pages already read neither shift nor repeat when concerts are added.
 * A cursor is `<created_at in microseconds since the epoch>_<id as 32 hex digits>`.
 */
export async function listConcerts(
  db: SqlStatements,
  { limit, cursor }: ConcertListQuery,
): Promise<ConcertPage> {
  const after = cursor === undefined ? undefined : positionOf(cursor);
  // One row past the page tells whether another page follows.
  const rows = await db.$queryRaw<
    (Omit<Concert, 'description'> & { description: string | null; position: string })[]
  >`
    SELECT id AS "concertId", title, artist, venue, description,
           floor(extract(epoch FROM created_at) * 1000000)::bigint::text || '_' ||
             replace(id::text, '-', '') AS position
    FROM concerts
    WHERE ${after?.micros ?? null}::bigint IS NULL
       OR (created_at, id) < (timestamp 'epoch' + ${after?.micros ?? null}::bigint
                                * interval '1 microsecond', ${after?.id ?? null}::uuid)
    ORDER BY created_at DESC, id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ concertId, title, artist, venue, description }) => ({
      concertId,
      title,
      artist,
      venue,
      ...(description === null ? {} : { description }),
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.position : null,
  };
}

function positionOf(cursor: string): { micros: string; id: string } {
  const [micros = '', id = ''] = cursor.split('_');
  return { micros, id };
}

/**
 * Soonest first; undefined when the concert does not exist. At most MAX_SCHEDULES_PER_CONCERT,
 * which createSchedule enforces, so the LIMIT only guards the answer's size.
 */
export async function loadSchedules(
  db: SqlStatements,
  concertId: string,
): Promise<VersionedSchedule[] | undefined> {
  const [concerts, rows] = await Promise.all([
    db.$queryRaw<unknown[]>`SELECT 1 FROM concerts WHERE id = ${concertId}::uuid`,
    db.$queryRaw<(Omit<VersionedSchedule, 'startsAt'> & { startsAt: Date })[]>`
      SELECT id AS "scheduleId", starts_at AS "startsAt", available_seats AS "availableSeats",
             version, sale_state::text AS "saleState", sale_version AS "saleVersion"
      FROM schedules WHERE concert_id = ${concertId}::uuid ORDER BY starts_at, id
      LIMIT ${MAX_SCHEDULES_PER_CONCERT}`,
  ]);
  if (concerts.length === 0) return undefined;
  return rows.map(({ scheduleId, startsAt, availableSeats, saleState, version, saleVersion }) => ({
    scheduleId,
    startsAt: startsAt.toISOString(),
    availableSeats,
    saleState,
    version,
    saleVersion,
  }));
}

/**
 * By seat number; undefined when the schedule does not exist. A schedule has seat_count seats,
 * at most MAX_SEATS_PER_SCHEDULE (the contract's bound on seatCount), as the LIMIT states again.
 */
export async function loadSeatMap(
  db: SqlStatements,
  scheduleId: string,
): Promise<VersionedSeatMap | undefined> {
  const [schedules, seats] = await Promise.all([
    db.$queryRaw<(Omit<VersionedSeatMap, 'seats' | 'startsAt'> & { startsAt: Date })[]>`
      SELECT starts_at AS "startsAt", sale_state::text AS "saleState", sale_version AS "saleVersion"
      FROM schedules WHERE id = ${scheduleId}::uuid`,
    db.$queryRaw<VersionedSeat[]>`
      SELECT id AS "seatId", number, price, status::text AS status, version
      FROM seats WHERE schedule_id = ${scheduleId}::uuid ORDER BY number
      LIMIT ${MAX_SEATS_PER_SCHEDULE}`,
  ]);
  const [schedule] = schedules;
  return schedule && { ...schedule, startsAt: schedule.startsAt.toISOString(), seats };
}
