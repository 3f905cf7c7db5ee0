import {
  apiRoutes,
  EnterQueueRequest,
  expressPath,
  QUEUE_TOKEN_HEADER,
  QueueTokenHeaders,
} from '@headliner/contracts';
import { signedInUser, validate } from '@headliner/platform';
import { Router } from 'express';
import type { Door } from '../infra/door';
import type { WaitingRoom } from '../infra/waiting-room';
import { expiredQueueToken, unknownQueueToken } from './queue-token-problems';
import { requireProof } from './require-proof';

/** The public waiting-room API, for the fan the gateway's signed statement names. */
export function queueTokenRoutes(waitingRoom: WaitingRoom, door: Door): Router {
  const router = Router();

  const enterThroughDoor = requireProof(door, waitingRoom);
  // Optional until every caller names its schedule: without a body the default room's door applies.
  const enter = validate({ body: EnterQueueRequest.optional() });
  router.post(expressPath(apiRoutes.enterQueue), enter, async (_req, res) => {
    const entry = await enterThroughDoor(signedInUser(res).sub, enter.input(res).body);
    res.status(entry.created ? 201 : 200).json(entry.token);
  });

  const poll = validate({ headers: QueueTokenHeaders });
  router.get(expressPath(apiRoutes.getQueueToken), poll, async (_req, res) => {
    const { headers } = poll.input(res);
    const lookup = await waitingRoom.poll(signedInUser(res).sub, headers[QUEUE_TOKEN_HEADER]);
    if (lookup.kind === 'unknown') throw unknownQueueToken();
    if (lookup.kind === 'expired') throw expiredQueueToken();
    res.json(lookup.token);
  });

  const leave = validate({ headers: QueueTokenHeaders });
  router.delete(expressPath(apiRoutes.leaveQueue), leave, async (_req, res) => {
    const { headers } = leave.input(res);
    // 204 whatever the token was: leaving twice, or with a stranger's token, changes nothing.
    await waitingRoom.leave(signedInUser(res).sub, headers[QUEUE_TOKEN_HEADER]);
    res.status(204).end();
  });

  router.get(expressPath(apiRoutes.getQueueStats), async (_req, res) => {
    res.json(await waitingRoom.stats());
  });

  return router;
}
