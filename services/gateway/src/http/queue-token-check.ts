import {
  ActiveQueueToken,
  internalRoutes,
  QUEUE_TOKEN_HEADER,
  type QueueTokenVerificationRequest,
} from '@headliner/contracts';
import { ProblemError } from '@headliner/platform';
import type { RequestHandler, Response } from 'express';
import type { InternalStatements } from '../infra/internal-statements';
import type { Upstream } from '../infra/upstreams';
import { answerBody } from './answer-body';
import { callerOf } from './authenticate';
import { queueTokenNotActive } from './queue-token-presence';

// Why a token is not ACTIVE for this user, by the queue's answer. The contract documents only 403
// for these routes, so every case is a 403 and `reason` tells them apart.
const refusals: Record<number, { reason: string; detail: string }> = {
  403: { reason: 'waiting', detail: 'Your queue token is still waiting; poll it until ACTIVE.' },
  404: { reason: 'unknown', detail: 'The queue token is unknown or not yours; enter the queue.' },
  410: { reason: 'expired', detail: 'The queue token expired; enter the queue again.' },
};

const admittedTo = new WeakMap<Response, string>();

/** The schedule this request's queue token was verified ACTIVE for, for the statement upstream. */
export function admittedSchedule(res: Response): string | undefined {
  return admittedTo.get(res);
}

/**
 * Lets a request through only with an ACTIVE queue token of the caller, asked of the queue
 * service: the waiting room is what keeps a sale-day crowd off the seats. Runs after
 * requireQueueToken, which refused missing and malformed tokens.
 */
export function queueTokenCheck(queue: Upstream, statements: InternalStatements): RequestHandler {
  return async (req, res, next) => {
    const queueToken = String(req.get(QUEUE_TOKEN_HEADER));
    const caller = callerOf(res);
    if (!caller) throw new Error('The queue-token check runs after authenticate');
    const verification: QueueTokenVerificationRequest = { userId: caller.userId, queueToken };
    const { method, path } = internalRoutes.verifyQueueToken;
    const answer = await queue.send({
      method: method.toUpperCase(),
      url: path,
      headers: { 'content-type': 'application/json', ...statements.ownCall(queue.name) },
      body: JSON.stringify(verification),
    });
    if (answer.statusCode === 200) {
      const active = ActiveQueueToken.safeParse(parsed(await answerBody(queue, answer)));
      if (active.success) {
        admittedTo.set(res, active.data.scheduleId);
        return next();
      }
    } else {
      answer.resume(); // the status says it all
    }
    const refusal = refusals[answer.statusCode ?? 0];
    if (refusal) throw queueTokenNotActive(refusal.reason, refusal.detail);
    if (answer.statusCode === 503) {
      throw ProblemError.serviceUnavailable('The waiting room is busy; try again shortly.', {
        type: 'upstream-unavailable',
        extensions: { upstream: 'queue' },
        headers: { 'retry-after': '1' },
      });
    }
    throw new ProblemError({
      status: 502,
      title: 'Bad gateway',
      type: 'upstream-bad-answer',
      detail: 'The queue service gave an unexpected answer. Please try again shortly.',
      extensions: { upstream: 'queue' },
      cause: new Error(`queue token verify answered ${answer.statusCode}`),
    });
  };
}

function parsed(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
