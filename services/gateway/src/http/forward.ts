import type { IncomingMessage } from 'node:http';
import { IDEMPOTENCY_KEY_HEADER, QUEUE_TOKEN_HEADER } from '@headliner/contracts';
import { problemContentType, ProblemError } from '@headliner/platform';
import type { RequestHandler } from 'express';
import type { InternalStatements } from '../infra/internal-statements';
import type { Upstream } from '../infra/upstreams';
import { callerOf } from './authenticate';
import { admittedSchedule } from './queue-token-check';
import { relayBody } from './relay-body';

// An allow-list, so what reaches a service is only what it may trust: a caller statement a client
// sends is never among them, nor anything else it might claim about itself. (traceparent is set
// by tracing.)
const passedThrough = [IDEMPOTENCY_KEY_HEADER, QUEUE_TOKEN_HEADER] as const;
export const relayedBack = [
  'content-type',
  'content-length',
  'cache-control',
  'retry-after',
  'location',
] as const;

/**
 * Sends the request to the owning service on the same path and relays its answer as it is: the
 * body passes through untouched (neither parsed nor serialized again here). The
 * service learns who is calling from the statement signed here, for it alone.
 */
export function forwardTo(upstream: Upstream, statements: InternalStatements): RequestHandler {
  return async (req, res) => {
    const caller = callerOf(res);
    const headers: Record<string, string> = caller
      ? statements.forCaller(upstream.name, caller, admittedSchedule(res))
      : statements.ownCall(upstream.name);
    for (const name of passedThrough) {
      const value = req.get(name);
      if (value !== undefined) headers[name] = value;
    }
    // The body was parsed (and malformed JSON refused) by the gateway; services get JSON again.
    const hasBody = req.body !== undefined;
    if (hasBody) headers['content-type'] = 'application/json';

    const answer = await upstream.send({
      method: req.method,
      url: req.originalUrl,
      headers,
      body: hasBody ? JSON.stringify(req.body) : undefined,
    });

    if (!isRelayable(answer)) {
      answer.resume();
      throw brokenAnswer(upstream, answer);
    }
    res.statusCode = answer.statusCode;
    for (const name of relayedBack) {
      const value = answer.headers[name];
      // A no-store the gateway set on a personal answer wins over what the service says.
      if (name === 'cache-control' && res.hasHeader(name)) continue;
      if (value !== undefined) res.setHeader(name, value);
    }
    relayBody(answer, res);
  };
}

/**
 * A service's own errors are problems; any other 5xx came from something in between or a crash
 * page, and may carry hosts, paths or a stack trace, so it never reaches the client as it is.
 */
export function isRelayable(
  answer: IncomingMessage,
): answer is IncomingMessage & { statusCode: number } {
  if (answer.statusCode === undefined) return false;
  return answer.statusCode < 500 || isProblem(answer.headers['content-type']);
}

function isProblem(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim() === problemContentType;
}

export function brokenAnswer(upstream: Upstream, answer: IncomingMessage): ProblemError {
  return new ProblemError({
    status: 502,
    title: 'Bad gateway',
    type: 'upstream-bad-answer',
    detail: `The ${upstream.name} service gave an unexpected answer. Please try again shortly.`,
    extensions: { upstream: upstream.name },
    cause: new Error(
      `${upstream.name} answered ${answer.statusCode} ${answer.headers['content-type']}`,
    ),
  });
}
