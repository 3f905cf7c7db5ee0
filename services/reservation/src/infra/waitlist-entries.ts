import type { WaitlistEntry } from '@headliner/contracts';
import type { Database, Transaction } from './database';

interface EntryRow {
  position: number;
  joined_at: Date;
}

/** The fan's entry on the schedule's waiting list with its place in line, if they are on it. */
export async function waitlistEntryOf(
  db: Database | Transaction,
  scheduleId: string,
  userId: string,
): Promise<WaitlistEntry | undefined> {
  const [row] = await db.$queryRaw<EntryRow[]>`
    SELECT e.joined_at,
      (SELECT count(*)::int FROM waitlist_entries ahead
        WHERE ahead.schedule_id = e.schedule_id AND ahead.id <= e.id) AS position
    FROM waitlist_entries e
    WHERE e.schedule_id = ${scheduleId}::uuid AND e.user_id = ${userId}::uuid`;
  return row && { scheduleId, position: row.position, joinedAt: row.joined_at.toISOString() };
}

/**
 * Seats of the schedule held or sold: CONFIRMED, or HELD and either unexpired or being paid for
 * (a lapsed hold with no payment is as good as free: the next hold on its seat expires it).
 */
export async function liveSeatsOf(tx: Transaction, scheduleId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ live: number }[]>`
    SELECT count(*)::int AS live FROM reservations r
    WHERE r.schedule_id = ${scheduleId}::uuid AND (r.status = 'CONFIRMED'
      OR (r.status = 'HELD' AND (r.expires_at > now() OR EXISTS (SELECT 1 FROM payments p
        WHERE p.reservation_id = r.id AND p.status = 'REQUESTED'))))`;
  return row?.live ?? 0;
}
