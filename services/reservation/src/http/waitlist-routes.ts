import { apiRoutes, expressPath, SchedulePath } from '@headliner/contracts';
import { signedInUser, validate } from '@headliner/platform';
import { Router } from 'express';
import { joinWaitlist } from '../use-cases/join-waitlist';
import { leaveWaitlist } from '../use-cases/leave-waitlist';
import { waitlistStanding } from '../use-cases/waitlist-standing';
import type { RouteDeps } from './route-deps';

/** A sold-out schedule's waiting list: join, see where one stands (or the offer), leave. */
export function waitlistRoutes(deps: RouteDeps): Router {
  const router = Router();
  const ofSchedule = validate({ params: SchedulePath });
  const path = expressPath(apiRoutes.joinWaitlist);

  router.post(path, ofSchedule, async (_req, res) => {
    const { scheduleId } = ofSchedule.input(res).params;
    const { entry, joined } = await joinWaitlist(
      deps.db,
      deps.seats,
      signedInUser(res).sub,
      scheduleId.toLowerCase(),
    );
    res.status(joined ? 201 : 200).json(entry);
  });

  router.get(path, ofSchedule, async (_req, res) => {
    const { scheduleId } = ofSchedule.input(res).params;
    res.json(await waitlistStanding(deps.db, signedInUser(res).sub, scheduleId.toLowerCase()));
  });

  router.delete(path, ofSchedule, async (_req, res) => {
    const { scheduleId } = ofSchedule.input(res).params;
    await leaveWaitlist(deps.db, signedInUser(res).sub, scheduleId.toLowerCase());
    res.status(204).end();
  });

  return router;
}
