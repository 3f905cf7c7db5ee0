import type { UserStatement } from '@headliner/contracts';
import { ProblemError, signedInUser } from '@headliner/platform';
import type { Response } from 'express';

/**
 * The fan a hold or payment is for, who must have passed the waiting room: the gateway states
 * `queue: ACTIVE` only after the queue verified their token for this very request.
 */
export function admittedFan(res: Response): UserStatement {
  const fan = signedInUser(res);
  if (fan.queue === 'ACTIVE') return fan;
  throw ProblemError.forbidden(
    'Holding a seat and paying need an ACTIVE queue token, verified by the gateway.',
    { type: 'queue-token-not-active', extensions: { reason: 'not-verified' } },
  );
}
