import {
  apiRoutes,
  expressPath,
  UpdateWaitingRoomRequest,
  type WaitingRoomState,
} from '@headliner/contracts';
import { signedInUser, validate, type Logger } from '@headliner/platform';
import { Router, type Response } from 'express';
import type { SettingsChange, WaitingRoomSettings } from '../domain/waiting-room-settings';
import type { WaitingRoomControls, WaitingRoomSnapshot } from '../infra/waiting-room-controls';
import { requireAdmin } from './require-admin';

/**
 * The operators' live controls of the waiting room, for admins only (checked before the body, so
 * others learn nothing). Every change is audited in the log with who made it, before and after.
 */
export function waitingRoomAdminRoutes(controls: WaitingRoomControls, logger: Logger): Router {
  const router = Router();

  const changeAndAnswer = async (res: Response, action: string, change: SettingsChange) => {
    const actor = signedInUser(res).sub;
    const { before, after } = await controls.change(change, actor);
    logger.info(
      { audit: true, action, actor, before: settingsOf(before), after: settingsOf(after) },
      `${action} by ${actor}`,
    );
    res.json(stateOf(await controls.snapshot()));
  };

  router.get(expressPath(apiRoutes.getWaitingRoom), requireAdmin, async (_req, res) => {
    res.json(stateOf(await controls.snapshot()));
  });

  const update = validate({ body: UpdateWaitingRoomRequest });
  router.patch(expressPath(apiRoutes.updateWaitingRoom), requireAdmin, update, async (_req, res) =>
    changeAndAnswer(res, 'waiting-room.update', update.input(res).body),
  );

  router.post(expressPath(apiRoutes.pauseAdmission), requireAdmin, async (_req, res) =>
    changeAndAnswer(res, 'waiting-room.pause', { paused: true }),
  );

  router.post(expressPath(apiRoutes.resumeAdmission), requireAdmin, async (_req, res) =>
    changeAndAnswer(res, 'waiting-room.resume', { paused: false }),
  );

  return router;
}

function settingsOf({ activeLimit, admissionRatePerMinute, paused }: WaitingRoomSettings) {
  return { activeLimit, admissionRatePerMinute, paused };
}

function stateOf(snapshot: WaitingRoomSnapshot): WaitingRoomState {
  return {
    activeLimit: snapshot.activeLimit,
    admissionRatePerMinute: snapshot.admissionRatePerMinute,
    paused: snapshot.paused,
    active: snapshot.active,
    waiting: snapshot.waiting,
    updatedAt: snapshot.updatedAt?.toISOString() ?? null,
    updatedBy: snapshot.updatedBy,
  };
}
