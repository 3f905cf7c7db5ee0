import { BookingRefused } from '../domain/booking-refused';
import type { Transaction } from '../infra/database';

// One advisory lock per schedule: holds take it shared (they never wait for one another), a
// change of the sale state exclusive. So a hold placed while an operator's hold arrives either
// commits whole before the change is recorded, or starts after it and is refused; even for a
// schedule with no row yet, which a row lock could not guard.
const lockKey = (scheduleId: string) => `sale-state:${scheduleId}`;

/** Refuses a hold on a schedule whose sale is on hold; the state cannot change until commit. */
export async function assertOnSale(tx: Transaction, scheduleId: string): Promise<void> {
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock_shared(hashtextextended(${lockKey(scheduleId)}, 0))`;
  // Read in a statement of its own: a statement sees the database as it was when it began, so a
  // read beside the lock would miss a change that committed while the lock was awaited.
  const [state] = await tx.$queryRaw<{ onHold: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM schedule_sale_states
      WHERE schedule_id = ${scheduleId}::uuid AND sale_state = 'ON_HOLD') AS "onHold"`;
  if (state?.onHold) {
    throw new BookingRefused(
      'sale-on-hold',
      `The sale of schedule ${scheduleId} is on hold; no seats can be held for it now. Holds placed before go on and can be paid.`,
    );
  }
}

/** Waits for the holds being placed on the schedule, and keeps new ones out until commit. */
export async function lockSaleState(tx: Transaction, scheduleId: string): Promise<void> {
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(hashtextextended(${lockKey(scheduleId)}, 0))`;
}
