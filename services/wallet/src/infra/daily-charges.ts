import { wonOf } from '@headliner/contracts';
import type { SqlStatements } from '@headliner/platform/database';

/** What a user has charged since the start of today (Asia/Seoul), and when today ends. */
export interface ChargedToday {
  charged: number;
  resetsAt: Date;
}

/**
 * The wallet's day is Korea's (Asia/Seoul, UTC+9 without daylight saving): its fans and the card
 * issuers a real payment provider answers to count a "day" from midnight in Seoul. ledger_entries
 * keeps created_at as UTC without a zone, so the day's bounds are turned into UTC the same way.
 * Seeded money (no request_hash) was never charged by the user, so it does not count.
 */
export async function chargedToday(db: SqlStatements, userId: string): Promise<ChargedToday> {
  const [today] = await db.$queryRaw<{ charged: string; resets_at: Date }[]>`
    WITH day AS (
      SELECT date_trunc('day', now() AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul' AS starts
    )
    SELECT
      (SELECT COALESCE(SUM(amount), 0) FROM ledger_entries
       WHERE user_id = ${userId}::uuid AND kind = 'CHARGE' AND request_hash IS NOT NULL
         AND created_at >= (SELECT starts FROM day) AT TIME ZONE 'UTC')::text AS charged,
      (SELECT starts + interval '1 day' FROM day) AS resets_at`;
  return { charged: wonOf(today!.charged), resetsAt: today!.resets_at };
}
