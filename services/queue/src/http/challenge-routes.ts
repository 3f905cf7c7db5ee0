import { apiRoutes, expressPath, QueueChallengeQuery } from '@headliner/contracts';
import { signedInUser, validate } from '@headliner/platform';
import { Router } from 'express';
import { createChallenge } from '../domain/proof-of-work';
import type { Door } from '../infra/door';
import { challengesIssued } from '../metrics';

/** The challenge a fan solves before joining a room: for this fan and room alone, briefly. */
export function challengeRoutes(door: Door): Router {
  const router = Router();

  const ask = validate({ query: QueueChallengeQuery });
  router.get(expressPath(apiRoutes.getQueueChallenge), ask, async (_req, res) => {
    const { scheduleId } = ask.input(res).query;
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
