import {
  internalRoutes,
  QueueTokenVerificationRequest,
  type ActiveQueueToken,
} from '@headliner/contracts';
import { serviceCallersOnly, validate, type ExactRoutes } from '@headliner/platform';
import { Router } from 'express';
import type { WaitingRoom } from '../infra/waiting-room';
import { sendJson } from './send-json';
import { expiredQueueToken, unknownQueueToken, waitingQueueToken } from './queue-token-problems';

/**
 * Internal: may this user hold seats with this token right now, and of which schedule? Called by
 * the gateway, never exposed publicly; a fan's statement
 * is refused 403 here, so no fan can probe other fans' tokens.
 */
export function verifyRoutes(waitingRoom: WaitingRoom, hot: ExactRoutes): Router {
  const router = Router();
  const verify = validate({ body: QueueTokenVerificationRequest });
  hot.add(
    router,
    'post',
    internalRoutes.verifyQueueToken.path,
    serviceCallersOnly,
    verify,
    async (_req, res) => {
      const { body } = verify.input(res);
      const verification = await waitingRoom.verify(body.userId, body.queueToken);
      if (verification.kind === 'waiting') throw waitingQueueToken();
      if (verification.kind === 'unknown') throw unknownQueueToken();
      if (verification.kind === 'expired') throw expiredQueueToken();
      const active: ActiveQueueToken = {
        status: 'ACTIVE',
        expiresAt: verification.expiresAt,
        scheduleId: verification.scheduleId,
      };
      sendJson(res, 200, active);
    },
  );
  return router;
}
