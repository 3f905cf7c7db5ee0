import { apiRoutes, expressPath, QueueChallengeQuery } from '@headliner/contracts';
import { signedInUser, validate } from '@headliner/platform';
import { Router, type Response } from 'express';
import { createChallenge } from '../domain/proof-of-work';
import type { Door } from '../infra/door';
import type { ScheduleCatalogue } from '../infra/schedule-catalogue';
import { challengesIssued } from '../metrics';
import { requireKnownSchedule } from './known-schedule';

/** The challenge a fan solves before joining a room: for this fan and room alone, briefly. */
export function challengeRoutes(door: Door, catalogue: ScheduleCatalogue): Router {
  const router = Router();

  const ask = validate({ query: QueueChallengeQuery });
  // Lower case, as the room it admits to: UUIDs match in any case, the proof's salt does not.
  const scheduleOf = (res: Response) => ask.input(res).query.scheduleId.toLowerCase();
  const known = requireKnownSchedule(catalogue, scheduleOf);
  router.get(expressPath(apiRoutes.getQueueChallenge), ask, known, async (_req, res) => {
    const scheduleId = scheduleOf(res);
    // A room without a door still answers a solvable challenge, so clients need no special case.
    const maxnumber = Math.max(1, await door.difficultyOf(scheduleId));
    const expiresAt = new Date(door.now().getTime() + door.challengeTtlSeconds * 1000);
    const challenge = createChallenge({
      secret: door.secret,
      maxnumber,
      scheduleId,
      userId: signedInUser(res).sub,
      expiresAt,
    });
    challengesIssued.inc();
    res.json(challenge);
  });

  return router;
}
