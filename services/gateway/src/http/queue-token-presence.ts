import { QUEUE_TOKEN_HEADER, QueueToken } from '@headliner/contracts';
import { ProblemError } from '@headliner/platform';
import type { RequestHandler } from 'express';

/**
 * The queue token is a credential (the document's queueToken scheme, which gives it no schema), so
 * a missing, empty or oversized one is refused like a credential, 403, rather than as a field.
 */
export const requireQueueToken: RequestHandler = (req, _res, next) => {
  const queueToken = req.get(QUEUE_TOKEN_HEADER);
  if (queueToken === undefined || queueToken === '') {
    throw queueTokenNotActive('missing', 'Send your queue token in X-Queue-Token.');
  }
  if (!QueueToken.safeParse(queueToken).success) {
    throw queueTokenNotActive('unknown', 'That is not a queue token we issued; enter the queue.');
  }
  next();
};

export function queueTokenNotActive(reason: string, detail: string): ProblemError {
  return ProblemError.forbidden(detail, {
    type: 'queue-token-not-active',
    extensions: { reason },
  });
}
