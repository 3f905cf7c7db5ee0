import type { WaitlistEntry } from '@headliner/contracts';
import { BookingRefused } from '../domain/booking-refused';
import type { Database } from '../infra/database';
import type { SeatCatalogue } from '../infra/seat-catalogue';
import { liveSeatsOf, waitlistEntryOf } from '../infra/waitlist-entries';
import { lockWaitlistForJoin } from './waitlist-lock';

export interface JoinedWaitlist {
  entry: WaitlistEntry;
  /** False when the fan was on the list already. */
  joined: boolean;
}

/**
 * Puts the fan at the end of a sold-out schedule's waiting list (every seat held or sold); a fan
 * already on it keeps their place. While seats are free the fan should hold one instead.
 */
export async function joinWaitlist(
  db: Database,
  seats: Pick<SeatCatalogue, 'seatCount'>,
  userId: string,
  scheduleId: string,
): Promise<JoinedWaitlist> {
  const seatCount = await seats.seatCount(scheduleId);
  if (seatCount === undefined) {
    throw new BookingRefused('schedule-not-found', `There is no schedule ${scheduleId}.`);
  }
  return db.$transaction(async (tx) => {
    const existing = await waitlistEntryOf(tx, scheduleId, userId);
    if (existing) return { entry: existing, joined: false };
    await lockWaitlistForJoin(tx, scheduleId);
    if ((await liveSeatsOf(tx, scheduleId)) < seatCount) {
      throw new BookingRefused(
        'seats-available',
        `Schedule ${scheduleId} has seats available; hold one instead of joining its waiting list.`,
      );
    }
    await tx.$executeRaw`
      INSERT INTO waitlist_entries (schedule_id, user_id) VALUES (${scheduleId}::uuid, ${userId}::uuid)
      ON CONFLICT (schedule_id, user_id) DO NOTHING`;
    const entry = await waitlistEntryOf(tx, scheduleId, userId);
    if (!entry) throw new Error(`waitlist entry of ${userId} on ${scheduleId} vanished`);
    return { entry, joined: true };
  });
}
