import { z } from 'zod';
import { EntityId } from '../entity-id';
import { SaleState } from '../api/sale-hold';
import { eventEnvelope } from './envelope';

export const SCHEDULE_SALE_STATE_CHANGED = 'schedule.sale-state-changed';
export const SCHEDULE_SALE_STATE_CHANGED_VERSION = 1;

/**
 * An operator put a schedule's sale on hold or resumed it. saleVersion grows with every change
 * of the schedule's sale state, so a consumer keeps the newest whatever order events arrive in
 * (a DLQ replay delivers an old one late). The change happened at the envelope's occurredAt.
 */
export const ScheduleSaleStateChangedPayload = z.object({
  scheduleId: EntityId,
  saleState: SaleState,
  reason: z.string().nullable(),
  saleVersion: z.int().min(1),
});
export type ScheduleSaleStateChangedPayload = z.infer<typeof ScheduleSaleStateChangedPayload>;

export const ScheduleSaleStateChangedEvent = eventEnvelope(
  SCHEDULE_SALE_STATE_CHANGED,
  SCHEDULE_SALE_STATE_CHANGED_VERSION,
  ScheduleSaleStateChangedPayload,
);
export type ScheduleSaleStateChangedEvent = z.infer<typeof ScheduleSaleStateChangedEvent>;
