import { z } from 'zod';
import { json, problem, type InternalRoute } from '../api/api-route';
import { QueueToken } from '../api/queue';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';

export const QueueTokenVerificationRequest = z
  .object({ userId: EntityId, queueToken: QueueToken })
  .strict();
export type QueueTokenVerificationRequest = z.infer<typeof QueueTokenVerificationRequest>;

export const ActiveQueueToken = z.object({
  status: z.literal('ACTIVE'),
  expiresAt: Timestamp,
  /** The schedule the token admits to: holds of any other schedule are not covered. */
  scheduleId: EntityId,
});
export type ActiveQueueToken = z.infer<typeof ActiveQueueToken>;

const operations = {
  verifyQueueToken: {
    operationId: 'verifyQueueToken',
    method: 'post',
    path: '/internal/queue-tokens/verify',
    summary: 'May this user hold seats and pay with this queue token right now?',
    body: QueueTokenVerificationRequest,
    responses: {
      200: json('The token is ACTIVE and the user may go on', ActiveQueueToken),
      400: problem('Not a user id and a queue token: a bug of the caller'),
      403: problem('The token is still WAITING'),
      404: problem('No such token of this user'),
      410: problem('The token expired or was used up'),
      503: problem('The waiting room is unavailable; try again shortly'),
    },
  },
} satisfies Record<string, InternalRoute>;

/**
 * Between services only, on paths the gateway never routes (/internal/*). Left out of the public
 * OpenAPI document: no client can call them, and both ends import this contract.
 */
export const internalRoutes: Readonly<Record<keyof typeof operations, InternalRoute>> = operations;
