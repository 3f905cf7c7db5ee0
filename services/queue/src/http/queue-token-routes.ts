import {
  apiRoutes,
  EnterQueueRequest,
  expressPath,
  QUEUE_TOKEN_HEADER,
  QueueTokenHeaders,
  type QueueTokenView,
} from '@headliner/contracts';
import { signedInUser, validate, type ExactRoutes } from '@headliner/platform';
import { Router, type Response } from 'express';
import type { Door } from '../infra/door';
import type { ScheduleCatalogue } from '../infra/schedule-catalogue';
import type { WaitingRoom } from '../infra/waiting-room';
import { requireKnownSchedule } from './known-schedule';
import { expiredQueueToken, unknownQueueToken } from './queue-token-problems';
import { requireProof } from './require-proof';
import { sendJson } from './send-json';

/** Every token answer says when to ask again, in the body and as Retry-After. */
function sendToken(res: Response, status: number, token: QueueTokenView): void {
  res.setHeader('retry-after', String(token.pollAfterSeconds));
  sendJson(res, status, token);
}

/** The public waiting-room API, for the fan the gateway's signed statement names. */
export function queueTokenRoutes(
  waitingRoom: WaitingRoom,
  catalogue: ScheduleCatalogue,
  door: Door,
  hot: ExactRoutes,
): Router {
  const router = Router();

  const enterThroughDoor = requireProof(door, waitingRoom);
  const enter = validate({ body: EnterQueueRequest });
  // UUIDs match in any case; a room's Redis keys must not.
  const scheduleOf = (res: Response) => enter.input(res).body.scheduleId.toLowerCase();
  hot.add(
    router,
    'post',
    expressPath(apiRoutes.enterQueue),
    enter,
    requireKnownSchedule(catalogue, scheduleOf),
    async (_req, res) => {
      const { proof } = enter.input(res).body;
      const entry = await enterThroughDoor(signedInUser(res).sub, scheduleOf(res), proof);
      sendToken(res, entry.created ? 201 : 200, entry.token);
    },
  );

  const poll = validate({ headers: QueueTokenHeaders });
  hot.add(router, 'get', expressPath(apiRoutes.getQueueToken), poll, async (_req, res) => {
    const { headers } = poll.input(res);
    const lookup = await waitingRoom.poll(signedInUser(res).sub, headers[QUEUE_TOKEN_HEADER]);
    if (lookup.kind === 'unknown') throw unknownQueueToken();
    if (lookup.kind === 'expired') throw expiredQueueToken();
    sendToken(res, 200, lookup.token);
  });

  const leave = validate({ headers: QueueTokenHeaders });
  router.delete(expressPath(apiRoutes.leaveQueue), leave, async (_req, res) => {
    const { headers } = leave.input(res);
    // 204 whatever the token was: leaving twice, or with a stranger's token, changes nothing.
    await waitingRoom.leave(signedInUser(res).sub, headers[QUEUE_TOKEN_HEADER]);
    res.status(204).end();
  });

  return router;
}
