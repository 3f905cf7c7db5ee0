import type { UserStatement } from '@headliner/contracts';
import { ProblemError, signedInUser } from '@headliner/platform';
import type { Response } from 'express';

/**
 * The fan a hold is for, who must have passed this schedule's waiting room: the gateway states
 * `admittedTo` only after the queue verified their token ACTIVE for this very request.
 */
export function admittedFan(res: Response, scheduleId: string): UserStatement {
  const fan = signedInUser(res);
  // UUIDs in any case name the same schedule; the queue states them in lower case.
  if (fan.admittedTo?.toLowerCase() === scheduleId.toLowerCase()) return fan;
  if (fan.admittedTo === undefined) {
    throw ProblemError.forbidden(
      'Holding a seat needs an ACTIVE queue token, verified by the gateway.',
      { type: 'queue-token-not-active', extensions: { reason: 'not-verified' } },
    );
  }
  throw ProblemError.forbidden(
    `Your queue token admits you to schedule ${fan.admittedTo}, not ${scheduleId}; join that schedule's waiting room.`,
    { type: 'queue-token-not-active', extensions: { reason: 'other-schedule' } },
  );
}
