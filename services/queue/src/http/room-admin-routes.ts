import {
  apiRoutes,
  expressPath,
  SchedulePath,
  ScheduleWaitingRoomSettings,
  type ScheduleWaitingRoom,
} from '@headliner/contracts';
import { signedInUser, validate, type Logger } from '@headliner/platform';
import { Router, type Response } from 'express';
import { auditedSettings, phaseOf, type RoomState } from '../domain/room-settings';
import type { ScheduleCatalogue } from '../infra/schedule-catalogue';
import type { WaitingRoom } from '../infra/waiting-room';
import { requireKnownSchedule } from './known-schedule';
import { requireAdmin } from './require-admin';

/**
 * A schedule's waiting room for admins only (checked before the rest, so others learn nothing):
 * its settings, opensAt included, and its pause. Every change is audited in the log with who
 * made it, the stored settings before and after; it takes effect at the next script of any replica.
 */
export function roomAdminRoutes(
  waitingRoom: WaitingRoom,
  catalogue: ScheduleCatalogue,
  logger: Logger,
): Router {
  const router = Router();
  const path = validate({ params: SchedulePath });
  const scheduleOf = (res: Response) => path.input(res).params.scheduleId.toLowerCase();
  const known = requireKnownSchedule(catalogue, scheduleOf);

  const audit = (res: Response, action: string, change: { before: object; after: object }) => {
    const actor = signedInUser(res).sub;
    const scheduleId = scheduleOf(res);
    logger.info({ audit: true, action, actor, scheduleId, ...change }, `${action} by ${actor}`);
  };
  const answer = async (res: Response) =>
    res.json(viewOf(await waitingRoom.roomSettings(scheduleOf(res))));

  router.get(expressPath(apiRoutes.getScheduleWaitingRoom), requireAdmin, path, async (_req, res) =>
    answer(res),
  );

  const put = validate({ params: SchedulePath, body: ScheduleWaitingRoomSettings });
  router.put(
    expressPath(apiRoutes.setScheduleWaitingRoom),
    requireAdmin,
    path,
    put,
    known,
    async (_req, res) => {
      const actor = signedInUser(res).sub;
      const settings = put.input(res).body;
      audit(res, 'schedule-waiting-room.set', {
        ...(await waitingRoom.replaceRoomSettings(scheduleOf(res), settings, actor)),
      });
      await answer(res);
    },
  );

  for (const [route, paused] of [
    [apiRoutes.pauseScheduleAdmission, true],
    [apiRoutes.resumeScheduleAdmission, false],
  ] as const) {
    router.post(expressPath(route), requireAdmin, path, known, async (_req, res) => {
      const actor = signedInUser(res).sub;
      const action = paused ? 'schedule-waiting-room.pause' : 'schedule-waiting-room.resume';
      audit(res, action, await waitingRoom.setRoomPaused(scheduleOf(res), paused, actor));
      await answer(res);
    });
  }

  return router;
}

function viewOf(room: RoomState): ScheduleWaitingRoom {
  return {
    scheduleId: room.scheduleId,
    ...auditedSettings(room),
    state: phaseOf(room),
    active: room.active,
    waiting: room.waiting,
    preQueue: room.preQueue,
    updatedAt: room.updatedAt?.toISOString() ?? null,
    updatedBy: room.updatedBy,
  };
}
