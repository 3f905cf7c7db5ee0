import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
import { apiComponents } from './components';
import { text } from './text';

/** Whether fans may hold seats of a schedule: an operator puts a sale ON_HOLD and resumes it. */
export const SaleState = z
  .enum(['ON_SALE', 'ON_HOLD'])
  .register(apiComponents, { id: 'SaleState' });
export type SaleState = z.infer<typeof SaleState>;

export const SaleHoldRequest = z
  .object({
    reason: text({ min: 1, max: 200 }).describe('Why the sale is held, for the audit log'),
  })
  .strict()
  .register(apiComponents, { id: 'SaleHoldRequest' });
export type SaleHoldRequest = z.infer<typeof SaleHoldRequest>;

export const ScheduleSaleState = z
  .object({
    scheduleId: EntityId,
    saleState: SaleState,
    reason: z.string().nullable().describe('The reason given when the sale was held; null on sale'),
    changedAt: Timestamp.nullable().describe('When the sale state last changed; null if never'),
  })
  .register(apiComponents, { id: 'ScheduleSaleState' });
export type ScheduleSaleState = z.infer<typeof ScheduleSaleState>;
