import type { ScheduleSaleStateChangedEvent } from '@headliner/contracts';
import type { Transaction } from '../infra/database';
import { lockSaleState } from './sale-state-lock';

/**
 * Keeps the schedule's newest sale state: an event older than the one recorded (a DLQ replay, a
 * redelivery) changes nothing. Holds being placed on the schedule commit first (sale-state-lock).
 */
export async function recordSaleState(
  tx: Transaction,
  event: ScheduleSaleStateChangedEvent,
): Promise<'recorded' | 'stale'> {
  const { scheduleId, saleState, saleVersion } = event.payload;
  await lockSaleState(tx, scheduleId);
  const written = await tx.$executeRaw`
    INSERT INTO schedule_sale_states (schedule_id, sale_state, sale_version, changed_at)
    VALUES (${scheduleId}::uuid, ${saleState}::"SaleState", ${saleVersion},
      ${new Date(event.occurredAt)})
    ON CONFLICT (schedule_id) DO UPDATE
      SET sale_state = excluded.sale_state, sale_version = excluded.sale_version,
        changed_at = excluded.changed_at
      WHERE schedule_sale_states.sale_version < excluded.sale_version`;
  return written === 1 ? 'recorded' : 'stale';
}
