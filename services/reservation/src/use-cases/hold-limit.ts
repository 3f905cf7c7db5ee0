import { BookingRefused } from '../domain/booking-refused';
import type { Transaction } from '../infra/database';

/**
 * Serialises the fan's holds from here to commit, so that the count of their live holds taken
 * after this (see insertHold) includes every other hold of theirs: concurrent requests would
 * otherwise each count without the others and all pass.
 */
export async function lockHoldsOf(tx: Transaction, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`hold-limit:${userId}`}, 0))`;
}

/**
 * Refuses a hold that takes a fan past `maxHolds` unpaid seats at once, so one fan cannot sit on
 * a block of seats on sale day; seats they bought do not count. `liveHolds` includes the new one.
 */
export function assertWithinHoldLimit(liveHolds: number, maxHolds: number): void {
  if (liveHolds > maxHolds) {
    throw new BookingRefused(
      'hold-limit-reached',
      `You already hold ${maxHolds} unpaid seats, the most one fan may hold at once; pay for them or let them expire first.`,
    );
  }
}
