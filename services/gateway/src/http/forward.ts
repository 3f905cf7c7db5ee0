import { IDEMPOTENCY_KEY_HEADER, QUEUE_TOKEN_HEADER } from '@headliner/contracts';
import type { RequestHandler } from 'express';
import type { InternalStatements } from '../infra/internal-statements';
import type { Upstream } from '../infra/upstreams';
import { callerOf } from './authenticate';
import { passedWaitingRoom } from './queue-token-check';

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
 * body streams through untouched (a seat map is neither parsed nor serialized again here). The
 * service learns who is calling from the statement signed here, for it alone.
 */
export function forwardTo(upstream: Upstream, statements: InternalStatements): RequestHandler {
  return async (req, res) => {
    const caller = callerOf(res);
    const queue = passedWaitingRoom(res) ? 'ACTIVE' : undefined;
    const headers: Record<string, string> = caller
      ? statements.forCaller(upstream.name, caller, queue)
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

    res.statusCode = answer.statusCode ?? 502;
    for (const name of relayedBack) {
      const value = answer.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }
    // Cut off mid-body (a timeout, a reset): the client must not take a truncated body for whole.
    answer.once('close', () => {
      if (!answer.complete) res.destroy();
    });
    answer.pipe(res);
  };
}
