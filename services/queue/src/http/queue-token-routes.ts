import { validate } from '@headliner/platform';
import { Router } from 'express';
import type { WaitingRoom } from '../infra/waiting-room';
import { expiredQueueToken, unknownQueueToken } from './queue-token-problems';
import { UserHeaders, UserQueueTokenHeaders } from './user-headers';

/** The public waiting-room API, forwarded by the gateway with X-User-Id. */
export function queueTokenRoutes(waitingRoom: WaitingRoom): Router {
  const router = Router();

  const enter = validate({ headers: UserHeaders });
  router.post('/api/v1/queue/tokens', enter, async (_req, res) => {
    const { headers } = enter.input(res);
    const entry = await waitingRoom.enter(headers['x-user-id']);
    res.status(entry.created ? 201 : 200).json(entry.token);
  });

  const poll = validate({ headers: UserQueueTokenHeaders });
  router.get('/api/v1/queue/tokens/current', poll, async (_req, res) => {
    const { headers } = poll.input(res);
    const lookup = await waitingRoom.poll(headers['x-user-id'], headers['x-queue-token']);
    if (lookup.kind === 'unknown') throw unknownQueueToken();
    if (lookup.kind === 'expired') throw expiredQueueToken();
    res.json(lookup.token);
  });

  const leave = validate({ headers: UserQueueTokenHeaders });
  router.delete('/api/v1/queue/tokens/current', leave, async (_req, res) => {
    const { headers } = leave.input(res);
    // 204 whatever the token was: leaving twice, or with a stranger's token, changes nothing.
    await waitingRoom.leave(headers['x-user-id'], headers['x-queue-token']);
    res.status(204).end();
  });

  router.get('/api/v1/queue/stats', async (_req, res) => {
    res.json(await waitingRoom.stats());
  });

  return router;
}
