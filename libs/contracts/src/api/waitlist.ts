import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
import { apiComponents } from './components';

export const WaitlistEntry = z
  .object({
    scheduleId: EntityId,
    position: z.number().int().min(1).describe('1: the next fan offered a returning seat'),
    joinedAt: Timestamp,
  })
  .register(apiComponents, { id: 'WaitlistEntry' });
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;

export const WaitlistStanding = z
  .object({
    scheduleId: EntityId,
    entry: WaitlistEntry.nullable().describe('Null when the caller is not on the list'),
    offeredReservationId: EntityId.nullable().describe(
      'The hold made for the caller from the list, while it can still be paid; else null',
    ),
  })
  .register(apiComponents, { id: 'WaitlistStanding' });
export type WaitlistStanding = z.infer<typeof WaitlistStanding>;
