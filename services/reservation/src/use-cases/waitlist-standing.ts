import type { WaitlistStanding } from '@headliner/contracts';
import type { Database } from '../infra/database';
import { waitlistEntryOf } from '../infra/waitlist-entries';

/** Where the fan stands on the schedule's waiting list, and the hold offered to them, if any. */
export async function waitlistStanding(
  db: Database,
  userId: string,
  scheduleId: string,
): Promise<WaitlistStanding> {
  const entry = await waitlistEntryOf(db, scheduleId, userId);
  const [offer] = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM reservations
    WHERE user_id = ${userId}::uuid AND schedule_id = ${scheduleId}::uuid
      AND origin = 'WAITLIST_OFFER' AND status = 'HELD' AND expires_at > now()
    ORDER BY expires_at DESC LIMIT 1`;
  return { scheduleId, entry: entry ?? null, offeredReservationId: offer?.id ?? null };
}
