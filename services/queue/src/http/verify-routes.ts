import { EntityId, QueueToken } from '@headliner/contracts';
import { validate } from '@headliner/platform';
import { Router } from 'express';
import { z } from 'zod';
import type { WaitingRoom } from '../infra/waiting-room';
import { expiredQueueToken, unknownQueueToken, waitingQueueToken } from './queue-token-problems';

const VerifyRequest = z.object({ userId: EntityId, queueToken: QueueToken }).strict();

/**
 * Internal: may this user hold seats and pay with this token right now? Called by the gateway or
 * the reservation service on every hold and payment, never exposed publicly.
 */
export function verifyRoutes(waitingRoom: WaitingRoom): Router {
  const router = Router();
  const verify = validate({ body: VerifyRequest });
  router.post('/internal/queue-tokens/verify', verify, async (_req, res) => {
    const { body } = verify.input(res);
    const verification = await waitingRoom.verify(body.userId, body.queueToken);
    if (verification.kind === 'waiting') throw waitingQueueToken();
    if (verification.kind === 'unknown') throw unknownQueueToken();
    if (verification.kind === 'expired') throw expiredQueueToken();
    res.json({ status: 'ACTIVE', expiresAt: verification.expiresAt });
  });
  return router;
}
