import type { Concert } from '@headliner/contracts';
import type { PrismaClient } from './prisma';
import type { VersionedSchedule, VersionedSeat } from '../domain/versioned';

// The catalogue's reads from PostgreSQL, the truth the cache is filled from. Each one walks an
// index: concerts (created_at, id), schedules (concert_id, starts_at), seats (schedule_id, number)
// and the primary keys.

/** Newest first: a new concert is what fans come looking for. */
export async function listConcerts(prisma: PrismaClient): Promise<Concert[]> {
  const rows = await prisma.concert.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows.map(({ id, title, artist, venue, description }) => ({
    concertId: id,
    title,
    artist,
    venue,
    ...(description === null ? {} : { description }),
  }));
}

/** Soonest first; undefined when the concert does not exist. */
export async function loadSchedules(
  prisma: PrismaClient,
  concertId: string,
): Promise<VersionedSchedule[] | undefined> {
  const [concert, rows] = await Promise.all([
    prisma.concert.findUnique({ where: { id: concertId }, select: { id: true } }),
    prisma.schedule.findMany({
      where: { concertId },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true, availableSeats: true, version: true },
    }),
  ]);
  if (!concert) return undefined;
  return rows.map(({ id, startsAt, availableSeats, version }) => ({
    scheduleId: id,
    startsAt: startsAt.toISOString(),
    availableSeats,
    version,
  }));
}

/** By seat number; undefined when the schedule does not exist. */
export async function loadSeatMap(
  prisma: PrismaClient,
  scheduleId: string,
): Promise<VersionedSeat[] | undefined> {
  const [schedule, rows] = await Promise.all([
    prisma.schedule.findUnique({ where: { id: scheduleId }, select: { id: true } }),
    prisma.seat.findMany({
      where: { scheduleId },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, price: true, status: true, version: true },
    }),
  ]);
  if (!schedule) return undefined;
  return rows.map(({ id, number, price, status, version }) => ({
    seatId: id,
    number,
    price,
    status,
    version,
  }));
}
