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
    scheduleId: EntityId.describe('The schedule whose waiting room to join'),
    proof: QueueChallengeProof.optional().describe(
      "A solved challenge of this room; needed while the room's challenge difficulty is above 0",
    ),
  })
  .strict()
  .register(apiComponents, { id: 'EnterQueueRequest' });
export type EnterQueueRequest = z.infer<typeof EnterQueueRequest>;

export const QueueTokenStatus = z
  .enum(['PRE_QUEUE', 'WAITING', 'ACTIVE'])
  .register(apiComponents, { id: 'QueueTokenStatus' });
export type QueueTokenStatus = z.infer<typeof QueueTokenStatus>;

export const QueueTokenView = z
  .object({
    queueToken: QueueToken,
    scheduleId: EntityId.describe('The schedule this token admits to, and no other'),
    status: QueueTokenStatus,
    position: z
      .int()
      .nonnegative()
      .describe('Place in the waiting line; 0 once ACTIVE, and 0 in the PRE_QUEUE (not drawn yet)'),
    estimatedWaitSeconds: z
      .int()
      .nonnegative()
      .describe('Rough wait until ACTIVE; 0 once ACTIVE, and 0 in the PRE_QUEUE (unknown yet)'),
    expiresAt: Timestamp.describe('When the token lapses unless the queue extends it'),
    opensAt: Timestamp.optional().describe(
      'PRE_QUEUE only: when the room opens and the draw is made',
    ),
    pollAfterSeconds: z
      .int()
      .nonnegative()
      .describe('Ask again after this many seconds (also the Retry-After header); 0 once ACTIVE'),
  })
  .register(apiComponents, { id: 'QueueTokenView' });
export type QueueTokenView = z.infer<typeof QueueTokenView>;

export const WaitingRoomPhase = z
  .enum(['SCHEDULED', 'OPEN', 'PAUSED'])
  .describe(
    'SCHEDULED: before opensAt (joins wait in the PRE_QUEUE); PAUSED: an admin stopped admission',
  )
  .register(apiComponents, { id: 'WaitingRoomPhase' });
export type WaitingRoomPhase = z.infer<typeof WaitingRoomPhase>;

export const QueueStats = z
  .object({
    scheduleId: EntityId,
    activeLimit: z.int().nonnegative().describe('How many tokens may be ACTIVE at once'),
    active: z.int().nonnegative(),
    waiting: z.int().nonnegative(),
    preQueue: z.int().nonnegative().describe('Fans who joined before opensAt, not drawn yet'),
    admittedPerMinute: z.int().nonnegative().describe('Fans admitted in the last minute'),
    opensAt: Timestamp.nullable().describe('When the room opens; null: open since it was made'),
    state: WaitingRoomPhase,
  })
  .register(apiComponents, { id: 'QueueStats' });
export type QueueStats = z.infer<typeof QueueStats>;

// Not strict: a request carries many other headers. Keys are lower case, as Node delivers them.
export const QueueTokenHeaders = z.object({ [QUEUE_TOKEN_HEADER]: QueueToken });
export type QueueTokenHeaders = z.infer<typeof QueueTokenHeaders>;
