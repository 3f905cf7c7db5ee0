import { apiRoutes, expressPath, SchedulePath, type QueueStats } from '@headliner/contracts';
import { validate } from '@headliner/platform';
import { Router } from 'express';
import { phaseOf } from '../domain/room-settings';
import type { WaitingRoom } from '../infra/waiting-room';

/**
 * How busy a schedule's room is, for anyone. A schedule the catalogue does not know shows an
 * empty room with the defaults: asking the catalogue would let anyone make it call for random ids.
 */
export function queueStatsRoutes(waitingRoom: WaitingRoom): Router {
  const router = Router();
  const stats = validate({ params: SchedulePath });
  router.get(expressPath(apiRoutes.getQueueStats), stats, async (_req, res) => {
    const room = await waitingRoom.roomSettings(stats.input(res).params.scheduleId.toLowerCase());
    const answer: QueueStats = {
      scheduleId: room.scheduleId,
      activeLimit: room.activeLimit,
      active: room.active,
      waiting: room.waiting,
      preQueue: room.preQueue,
      admittedPerMinute: room.admittedLastMinute,
      opensAt: room.opensAt?.toISOString() ?? null,
      state: phaseOf(room),
    };
    res.json(answer);
  });
  return router;
}
