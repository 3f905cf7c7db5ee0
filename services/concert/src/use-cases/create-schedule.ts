import { randomUUID } from 'node:crypto';
import type { CreateScheduleRequest } from '@headliner/contracts';
import type { SqlDatabase } from '@headliner/platform/database';

/**
 * A schedule and its seats 1..seatCount, all at one price, in one transaction: a schedule is
 * never seen without its seats. undefined when the concert does not exist.
 */
export async function createSchedule(
  db: SqlDatabase,
  concertId: string,
  { startsAt, seatCount, price }: CreateScheduleRequest,
): Promise<string | undefined> {
  return db.$transaction(async (tx) => {
    const scheduleId = randomUUID();
    const created = await tx.$executeRaw`
      INSERT INTO schedules (id, concert_id, starts_at, seat_count, available_seats)
      SELECT ${scheduleId}::uuid, id, ${new Date(startsAt)}::timestamptz, ${seatCount}, ${seatCount}
      FROM concerts WHERE id = ${concertId}::uuid`;
    if (created === 0) return undefined;
    await tx.$executeRaw`
      INSERT INTO seats (id, schedule_id, number, price)
      SELECT gen_random_uuid(), ${scheduleId}::uuid, number, ${price}
      FROM generate_series(1, ${seatCount}::int) AS number`;
    return scheduleId;
  });
}
