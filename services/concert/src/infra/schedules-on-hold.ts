import type { SqlStatements } from '@headliner/platform/database';

/** Schedules whose sale is on hold now (a scan of the schedules table, read at scrape time). */
export async function countSchedulesOnHold(db: SqlStatements): Promise<number> {
  const [{ onHold }] = await db.$queryRaw<[{ onHold: number }]>`
    SELECT count(*)::int AS "onHold" FROM schedules WHERE sale_state = 'ON_HOLD'`;
  return onHold;
}
