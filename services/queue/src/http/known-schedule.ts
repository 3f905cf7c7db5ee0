import { ProblemError } from '@headliner/platform';
import type { RequestHandler } from 'express';
import type { ScheduleCatalogue } from '../infra/schedule-catalogue';

/** Problem types are public API: never rename one. */
export function scheduleNotFound(): ProblemError {
  return ProblemError.notFound(
    'No such schedule: a waiting room exists only for a schedule on sale.',
    {
      type: 'schedule-not-found',
    },
  );
}

/** 404 unless the concert catalogue knows the schedule of `scheduleIdOf(res)`. */
export function requireKnownSchedule(
  catalogue: ScheduleCatalogue,
  scheduleIdOf: (res: Parameters<RequestHandler>[1]) => string,
): RequestHandler {
  return (_req, res, next) => {
    catalogue
      .isKnown(scheduleIdOf(res))
      .then((known) => next(known ? undefined : scheduleNotFound()), next);
  };
}
