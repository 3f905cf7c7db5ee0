import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { ApiRoute } from '@headliner/contracts';
import { validate } from '@headliner/platform';
import type { RequestHandler, Response } from 'express';
import type { InternalStatements } from '../infra/internal-statements';
import type { ResponseCache, StoredAnswer } from '../infra/response-cache';
import type { Upstream } from '../infra/upstreams';
import { responseCacheLookups } from '../metrics';
import { answerBody } from './answer-body';
import { brokenAnswer, isRelayable, relayedBack } from './forward';

/**
 * For reads anyone may make (the catalogue): answers from the gateway's shared cache while the
 * owning service's Cache-Control allows, else from the service, asked without the caller's
 * identity (a shared answer must not depend on it): the gateway asks on its own account. Misses are not collapsed into one upstream
 * request: an answer the service says not to store (its cache switched off) must reach each fan
 * fresh, and the few misses a one-second expiry lets through cost the concert one load anyway.
 *
 * The cache key, and the URL asked for, is the path with the route's known query parameters
 * only, checked against the contract (400 naming the field) and normalised: sorted, defaults
 * filled in, anything else dropped. So `?r=N` can neither bypass the cache nor evict the hot seat
 * maps, and the service never sees a parameter it does not know.
 */
export function forwardThroughCache(
  route: ApiRoute,
  upstream: Upstream,
  cache: ResponseCache,
  statements: InternalStatements,
): RequestHandler[] {
  const schema = route.query ?? noQuery;
  const known = validate({ query: schema });
  // Most reads carry no query at all (every seat map): its normal form is worked out once here
  // rather than parsed on every hit, which cost a tenth of a cached read's CPU.
  const bare = schema.safeParse({});
  const bareQuery = bare.success
    ? normalisedQuery(bare.data as Record<string, unknown>)
    : undefined;
  const isBare = (url: string) => bareQuery !== undefined && !url.includes('?');
  return [
    (req, res, next) => (isBare(req.url) ? next() : known(req, res, next)),
    async (req, res) => {
      const query = isBare(req.url) ? bareQuery! : normalisedQuery(known.input(res).query);
      const key = req.baseUrl + req.path + query;
      const cached = cache.fresh(key);
      responseCacheLookups.inc({ upstream: upstream.name, result: cached ? 'hit' : 'miss' });
      if (cached) return send(res, cached.answer, cached.ageSeconds);
      const sent = await upstream.send({
        method: 'GET',
        url: key,
        headers: statements.ownCall(upstream.name),
      });
      if (!isRelayable(sent)) {
        sent.resume();
        throw brokenAnswer(upstream, sent);
      }
      const answer = await wholeAnswer(upstream, sent);
      cache.offer(key, answer);
      send(res, answer, 0);
    },
  ];
}

const noQuery = z.object({});

/** `?a=1&b=x` of the parsed parameters, by name; '' when there are none. */
function normalisedQuery(query: Record<string, unknown>): string {
  const known = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]): [string, string] => [name, String(value)]);
  return known.length === 0 ? '' : `?${new URLSearchParams(known).toString()}`;
}

async function wholeAnswer(upstream: Upstream, answer: IncomingMessage): Promise<StoredAnswer> {
  const body = await answerBody(upstream, answer);
  const headers: Record<string, string> = {};
  for (const name of [...relayedBack, 'vary']) {
    const value = answer.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return { statusCode: answer.statusCode ?? 502, headers, body };
}

function send(res: Response, answer: StoredAnswer, ageSeconds: number): void {
  res.statusCode = answer.statusCode;
  for (const [name, value] of Object.entries(answer.headers)) {
    // Added to, not replaced: the gateway's own Vary: Origin (CORS) must stay.
    if (name === 'vary') res.vary(value);
    else res.setHeader(name, value);
  }
  res.setHeader('age', String(ageSeconds));
  res.end(answer.body);
}
