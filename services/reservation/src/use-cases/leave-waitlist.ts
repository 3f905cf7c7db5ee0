import type { Database } from '../infra/database';

/** Takes the fan off the schedule's waiting list; a hold offered to them already stays theirs. */
export async function leaveWaitlist(db: Database, userId: string, scheduleId: string) {
  await db.$executeRaw`
    DELETE FROM waitlist_entries
    WHERE schedule_id = ${scheduleId}::uuid AND user_id = ${userId}::uuid`;
}
