import { randomUUID } from 'node:crypto';
import { MAX_SCHEDULES_PER_CONCERT, type CreateScheduleRequest } from '@headliner/contracts';
import type { SqlDatabase } from '@headliner/platform/database';

export type ScheduleCreation =
  | { outcome: 'created'; scheduleId: string }
  | { outcome: 'no_concert' }
  /** The concert has MAX_SCHEDULES_PER_CONCERT schedules already: nothing was written. */
  | { outcome: 'concert_full' };

/**
 * A schedule and its seats 1..seatCount, all at one price, in one transaction: a schedule is
 * never seen without its seats. The concert's row stays locked until commit, so two admins adding
 * schedules at once cannot both pass MAX_SCHEDULES_PER_CONCERT, which bounds the schedule list.
 */
export async function createSchedule(
  db: SqlDatabase,
  concertId: string,
  { startsAt, seatCount, price }: CreateScheduleRequest,
): Promise<ScheduleCreation> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM concerts WHERE id = ${concertId}::uuid FOR UPDATE`;
    if (locked.length === 0) return { outcome: 'no_concert' };
    // Counted in a statement of its own, after the lock: it sees what the admin before committed.
    const [{ schedules }] = await tx.$queryRaw<[{ schedules: number }]>`
      SELECT count(*)::int AS schedules FROM schedules WHERE concert_id = ${concertId}::uuid`;
    if (schedules >= MAX_SCHEDULES_PER_CONCERT) return { outcome: 'concert_full' };
    const scheduleId = randomUUID();
    await tx.$executeRaw`
      INSERT INTO schedules (id, concert_id, starts_at, seat_count, available_seats)
      VALUES (${scheduleId}::uuid, ${concertId}::uuid, ${new Date(startsAt)}::timestamptz,
        ${seatCount}, ${seatCount})`;
    await tx.$executeRaw`
      INSERT INTO seats (id, schedule_id, number, price)
      SELECT gen_random_uuid(), ${scheduleId}::uuid, number, ${price}
      FROM generate_series(1, ${seatCount}::int) AS number`;
    return { outcome: 'created', scheduleId };
  });
}
