import { BookingRefused } from '../domain/booking-refused';
import type { Transaction } from '../infra/database';

/**
 * Refuses a hold that takes a fan past `maxHolds` unpaid seats at once, so one fan cannot sit on
 * a block of seats on sale day; seats they bought do not count. Runs after the new hold's insert,
 * which it counts. The fan's holds are serialised from here to commit, or concurrent requests
 * would each count without the others and all pass.
 */
export async function assertWithinHoldLimit(
  tx: Transaction,
  userId: string,
  maxHolds: number,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`hold-limit:${userId}`}, 0))`;
  const [row] = await tx.$queryRaw<{ live: number }[]>`
    SELECT count(*)::int AS live FROM reservations
    WHERE user_id = ${userId}::uuid AND status = 'HELD' AND expires_at > now()`;
  if ((row?.live ?? 0) > maxHolds) {
    throw new BookingRefused(
      'hold-limit-reached',
      `You already hold ${maxHolds} unpaid seats, the most one fan may hold at once; pay for them or let them expire first.`,
    );
  }
}
