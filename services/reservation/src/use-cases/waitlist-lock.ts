import type { Transaction } from '../infra/database';

// One advisory lock per schedule's waiting list: joins take it shared (they never wait for one
// another), an offer exclusive. A fan who found the schedule sold out is then on the list before
// a seat's release is offered, or their join starts after the release and finds the seat free.
const lockKey = (scheduleId: string) => `waitlist:${scheduleId}`;

export async function lockWaitlistForJoin(tx: Transaction, scheduleId: string): Promise<void> {
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock_shared(hashtextextended(${lockKey(scheduleId)}, 0))`;
}

export async function lockWaitlistForOffer(tx: Transaction, scheduleId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey(scheduleId)}, 0))`;
}
