import {
  apiRoutes,
  expressPath,
  QUEUE_TOKEN_HEADER,
  QueueTokenHeaders,
  USER_ID_HEADER,
  UserHeaders,
} from '@headliner/contracts';
import { validate } from '@headliner/platform';
import { Router } from 'express';
import type { WaitingRoom } from '../infra/waiting-room';
import { expiredQueueToken, unknownQueueToken } from './queue-token-problems';

const UserQueueTokenHeaders = UserHeaders.extend(QueueTokenHeaders.shape);

/** The public waiting-room API, forwarded by the gateway with X-User-Id. */
export function queueTokenRoutes(waitingRoom: WaitingRoom): Router {
  const router = Router();

  const enter = validate({ headers: UserHeaders });
  router.post(expressPath(apiRoutes.enterQueue), enter, async (_req, res) => {
    const { headers } = enter.input(res);
    const entry = await waitingRoom.enter(headers[USER_ID_HEADER]);
    res.status(entry.created ? 201 : 200).json(entry.token);
  });

  const poll = validate({ headers: UserQueueTokenHeaders });
  router.get(expressPath(apiRoutes.getQueueToken), poll, async (_req, res) => {
    const { headers } = poll.input(res);
    const lookup = await waitingRoom.poll(headers[USER_ID_HEADER], headers[QUEUE_TOKEN_HEADER]);
    if (lookup.kind === 'unknown') throw unknownQueueToken();
    if (lookup.kind === 'expired') throw expiredQueueToken();
    res.json(lookup.token);
  });

  const leave = validate({ headers: UserQueueTokenHeaders });
  router.delete(expressPath(apiRoutes.leaveQueue), leave, async (_req, res) => {
    const { headers } = leave.input(res);
    // 204 whatever the token was: leaving twice, or with a stranger's token, changes nothing.
    await waitingRoom.leave(headers[USER_ID_HEADER], headers[QUEUE_TOKEN_HEADER]);
    res.status(204).end();
  });

  router.get(expressPath(apiRoutes.getQueueStats), async (_req, res) => {
    res.json(await waitingRoom.stats());
  });

  return router;
}
