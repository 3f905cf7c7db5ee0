import type { Concert } from '@headliner/contracts';
import type { SqlStatements } from '@headliner/platform/database';
import type { VersionedSchedule, VersionedSeat } from '../domain/versioned';

// The catalogue's reads from PostgreSQL, the truth the cache is filled from. Each one walks an
// index: concerts (created_at, id), schedules (concert_id, starts_at), seats (schedule_id, number)
// and the primary keys.

/** Newest first: a new concert is what fans come looking for. */
export async function listConcerts(db: SqlStatements): Promise<Concert[]> {
  const rows = await db.$queryRaw<
    (Omit<Concert, 'description'> & { description: string | null })[]
  >`
    SELECT id AS "concertId", title, artist, venue, description
    FROM concerts ORDER BY created_at DESC, id DESC`;
  return rows.map(({ description, ...concert }) => ({
    ...concert,
    ...(description === null ? {} : { description }),
  }));
}

/** Soonest first; undefined when the concert does not exist. */
export async function loadSchedules(
  db: SqlStatements,
  concertId: string,
): Promise<VersionedSchedule[] | undefined> {
  const [concerts, rows] = await Promise.all([
    db.$queryRaw<unknown[]>`SELECT 1 FROM concerts WHERE id = ${concertId}::uuid`,
    db.$queryRaw<(Omit<VersionedSchedule, 'startsAt'> & { startsAt: Date })[]>`
      SELECT id AS "scheduleId", starts_at AS "startsAt", available_seats AS "availableSeats",
             version
      FROM schedules WHERE concert_id = ${concertId}::uuid ORDER BY starts_at`,
  ]);
  if (concerts.length === 0) return undefined;
  return rows.map(({ scheduleId, startsAt, availableSeats, version }) => ({
    scheduleId,
    startsAt: startsAt.toISOString(),
    availableSeats,
    version,
  }));
}

/** By seat number; undefined when the schedule does not exist. */
export async function loadSeatMap(
  db: SqlStatements,
  scheduleId: string,
): Promise<VersionedSeat[] | undefined> {
  const [schedules, seats] = await Promise.all([
    db.$queryRaw<unknown[]>`SELECT 1 FROM schedules WHERE id = ${scheduleId}::uuid`,
    db.$queryRaw<VersionedSeat[]>`
      SELECT id AS "seatId", number, price, status::text AS status, version
      FROM seats WHERE schedule_id = ${scheduleId}::uuid ORDER BY number`,
  ]);
  if (schedules.length === 0) return undefined;
  return seats;
}
