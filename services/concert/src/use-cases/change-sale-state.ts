import {
  newEvent,
  ScheduleSaleStateChangedEvent,
  type ScheduleSaleState,
} from '@headliner/contracts';
import type { SqlDatabase } from '@headliner/platform/database';
import { Prisma } from '../generated/prisma/client';

/** A schedule's sale state as the admin routes answer it, with what the cache needs besides. */
export interface SaleStateRow extends ScheduleSaleState {
  concertId: string;
  saleVersion: number;
}

export type SaleStateChange =
  | { outcome: 'no_schedule' }
  /** Already in the asked state: nothing written, no event, the state as it was. */
  | { outcome: 'unchanged'; state: SaleStateRow }
  | { outcome: 'changed'; before: SaleStateRow; state: SaleStateRow };

export type SaleStateWanted = { saleState: 'ON_HOLD'; reason: string } | { saleState: 'ON_SALE' };

const columns = Prisma.sql`id AS "scheduleId", concert_id AS "concertId",
  sale_state::text AS "saleState", sale_hold_reason AS reason,
  to_char(sale_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "changedAt",
  sale_version AS "saleVersion"`;

/**
 * Puts a schedule's sale on hold or back on sale, with its schedule.sale-state-changed event for
 * the reservation service, in one transaction. The row stays locked until commit, so two admins
 * switching at once take turns, and each change gets the next saleVersion.
 */
export async function changeSaleState(
  db: SqlDatabase,
  scheduleId: string,
  wanted: SaleStateWanted,
): Promise<SaleStateChange> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<SaleStateRow[]>`
      SELECT ${columns} FROM schedules WHERE id = ${scheduleId}::uuid FOR UPDATE`;
    if (!before) return { outcome: 'no_schedule' };
    if (before.saleState === wanted.saleState) return { outcome: 'unchanged', state: before };
    const reason = wanted.saleState === 'ON_HOLD' ? wanted.reason : null;
    const [state] = await tx.$queryRaw<[SaleStateRow]>`
      UPDATE schedules
      SET sale_state = ${wanted.saleState}::"SaleState", sale_hold_reason = ${reason},
        sale_changed_at = now(), sale_version = sale_version + 1
      WHERE id = ${scheduleId}::uuid
      RETURNING ${columns}`;
    await tx.publish(
      newEvent(
        ScheduleSaleStateChangedEvent,
        {
          scheduleId: state.scheduleId,
          saleState: state.saleState,
          reason: state.reason,
          saleVersion: state.saleVersion,
        },
        new Date(state.changedAt!),
      ),
    );
    return { outcome: 'changed', before, state };
  });
}

/** The answer of the admin routes: the state alone. */
export function saleStateView({ scheduleId, saleState, reason, changedAt }: SaleStateRow) {
  return { scheduleId, saleState, reason, changedAt } satisfies ScheduleSaleState;
}
