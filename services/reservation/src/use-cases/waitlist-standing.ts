import type { WaitlistStanding } from '@headliner/contracts';
import type { Database } from '../infra/database';
import { waitlistEntryOf } from '../infra/waitlist-entries';

/**
 * Where the fan stands on the schedule's waiting list, and the hold offered to them, if any. Both
 * are read from one snapshot: an offer moves the fan off the list and holds the seat in one commit,
 * and two reads on either side of it showed the fan both still waiting and offered the seat.
 */
export async function waitlistStanding(
  db: Database,
  userId: string,
  scheduleId: string,
): Promise<WaitlistStanding> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`;
    const entry = await waitlistEntryOf(tx, scheduleId, userId);
    const [offer] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM reservations
      WHERE user_id = ${userId}::uuid AND schedule_id = ${scheduleId}::uuid
        AND origin = 'WAITLIST_OFFER' AND status = 'HELD' AND expires_at > now()
      ORDER BY expires_at DESC LIMIT 1`;
    return { scheduleId, entry: entry ?? null, offeredReservationId: offer?.id ?? null };
  });
}
