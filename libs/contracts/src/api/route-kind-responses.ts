import { z } from 'zod';
import { problem, type ApiResponse, type ApiRoute } from './api-route';
import { QUEUE_TOKEN_HEADER } from './queue';

// Operations the gateway answers itself; every other /api operation is forwarded to a service.
const answeredByGateway = new Set(['auth']);

export const retryAfter = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: z.int().positive(),
  },
};

const answers = {
  invalid: problem('Validation failed; errors names each offending field and rule'),
  tooLarge: problem('The body is larger than the gateway accepts'),
  unauthenticated: problem('Missing, invalid or expired bearer token'),
  notAdmin: problem('The bearer token is not an admin one'),
  noQueueToken: problem('The queue token is missing or not one the queue issued'),
  rateLimited: {
    ...problem('Too many requests from this user or client; wait Retry-After seconds'),
    headers: retryAfter,
  },
  badUpstreamAnswer: problem('The service behind the gateway gave a broken or cut-off answer'),
  unavailable: {
    ...problem('A service or store this needs is down, or its breaker is open; retry later'),
    headers: retryAfter,
  },
  upstreamTimeout: problem('The service behind the gateway did not answer in time'),
} satisfies Record<string, ApiResponse>;

/**
 * The answers an operation gives by its kind, whatever it does: the gateway's validation, body
 * limit, authentication, rate limit and forwarding each add theirs. A route's own table adds
 * what its service answers and may describe one of these more precisely.
 */
export function responsesOfKind(route: ApiRoute): Record<number, ApiResponse> {
  const api = route.path.startsWith('/api/');
  const forwarded = api && !answeredByGateway.has(route.tag);
  const responses: Record<number, ApiResponse> = {};
  if (route.params || route.query || route.headers || route.body) responses[400] = answers.invalid;
  if (route.caller !== 'anyone') responses[401] = answers.unauthenticated;
  if (route.caller === 'admin') responses[403] = answers.notAdmin;
  if (route.headers?.shape[QUEUE_TOKEN_HEADER]) responses[403] = answers.noQueueToken;
  if (route.body) responses[413] = answers.tooLarge;
  if (api) Object.assign(responses, { 429: answers.rateLimited, 503: answers.unavailable });
  if (forwarded)
    Object.assign(responses, { 502: answers.badUpstreamAnswer, 504: answers.upstreamTimeout });
  return responses;
}
