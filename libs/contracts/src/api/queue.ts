import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
import { apiComponents } from './components';
import { QueueChallengeProof } from './queue-challenge';

export const QUEUE_TOKEN_HEADER = 'x-queue-token';

export const QueueToken = z
  .string()
  .min(1)
  .max(512)
  .describe('Opaque queue token: send it back verbatim in X-Queue-Token, never parse it');

export const EnterQueueRequest = z
  .object({
    scheduleId: EntityId,
    proof: QueueChallengeProof.optional().describe(
      "A solved challenge of this room; needed while the room's challenge difficulty is above 0",
    ),
  })
  .strict()
  .register(apiComponents, { id: 'EnterQueueRequest' });
export type EnterQueueRequest = z.infer<typeof EnterQueueRequest>;

export const QueueTokenStatus = z
  .enum(['WAITING', 'ACTIVE'])
  .register(apiComponents, { id: 'QueueTokenStatus' });
export type QueueTokenStatus = z.infer<typeof QueueTokenStatus>;

export const QueueTokenView = z
  .object({
    queueToken: QueueToken,
    status: QueueTokenStatus,
    position: z.int().nonnegative().describe('Place in the waiting line; 0 once ACTIVE'),
    estimatedWaitSeconds: z.int().nonnegative().describe('Rough wait until ACTIVE; 0 once ACTIVE'),
    expiresAt: Timestamp.describe('When the token lapses unless the queue extends it'),
  })
  .register(apiComponents, { id: 'QueueTokenView' });
export type QueueTokenView = z.infer<typeof QueueTokenView>;

export const QueueStats = z
  .object({
    activeLimit: z.int().nonnegative().describe('How many tokens may be ACTIVE at once'),
    active: z.int().nonnegative(),
    waiting: z.int().nonnegative(),
  })
  .register(apiComponents, { id: 'QueueStats' });
export type QueueStats = z.infer<typeof QueueStats>;

// Not strict: a request carries many other headers. Keys are lower case, as Node delivers them.
export const QueueTokenHeaders = z.object({ [QUEUE_TOKEN_HEADER]: QueueToken });
export type QueueTokenHeaders = z.infer<typeof QueueTokenHeaders>;
