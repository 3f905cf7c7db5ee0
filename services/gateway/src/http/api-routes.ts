import { apiRoutes, expressPath, QUEUE_TOKEN_HEADER, type ApiRoute } from '@headliner/contracts';
import { Router, type RequestHandler } from 'express';
import { exactRoutes } from '@headliner/platform';
import type { AccessTokens } from '../domain/access-token';
import type { InternalStatements } from '../infra/internal-statements';
import type { ResponseCache } from '../infra/response-cache';
import type { Upstreams, UpstreamName } from '../infra/upstreams';
import { authenticate } from './authenticate';
import { forwardTo } from './forward';
import { forwardThroughCache } from './forward-through-cache';
import { queueTokenCheck } from './queue-token-check';
import { requireQueueToken } from './queue-token-presence';

// Which service answers each tag of the route table; 'gateway' operations are handled here.
const ownerByTag: Record<string, UpstreamName | 'gateway'> = {
  auth: 'gateway',
  catalogue: 'concert',
  admin: 'concert',
  queue: 'queue',
  'waiting-room-admin': 'queue',
  reservations: 'reservation',
  payments: 'reservation',
  wallet: 'wallet',
};

// The door of the waiting room: limited per client IP, before who is calling is even checked.
const atTheDoor = new Set<ApiRoute>([apiRoutes.getQueueChallenge, apiRoutes.enterQueue]);

// Holding a seat is what the waiting room rations; paying a hold needs no token, so a hold placed
// while ACTIVE may be paid until it expires, even after the slot ended.
const needsActiveQueueToken = new Set<ApiRoute>([apiRoutes.holdSeat]);

export interface ApiRouterOptions {
  tokens: AccessTokens;
  upstreams: Upstreams;
  /** Signs the statement of who is calling that each forwarded request carries. */
  statements: InternalStatements;
  rateLimit: RequestHandler;
  /** Per client IP, on the waiting room's door alone. */
  doorLimit: RequestHandler;
  /**
   * Makes the cache that keeps a read anyone may make while its service's Cache-Control allows:
   * one per operation, so the pages of one list can never evict another operation's answers.
   */
  newResponseCache: () => ResponseCache;
  /** Handlers of the operations the gateway owns, by operationId. */
  ownHandlers: Record<string, RequestHandler[]>;
}

/**
 * Every public operation of the contract's route table, on its own path: authentication, the rate
 * limit, the queue-token check where it applies, then the owning service. Nothing else is routed,
 * so /internal/* stays unreachable from outside. Routes without path parameters are found first
 * by an exact lookup (the platform's exactRoutes); the rest, and any request not matching one
 * exactly, by express's router, which mounts every route as before.
 */
export function apiRouter(options: ApiRouterOptions): Router {
  const routes = Object.values(apiRoutes).map((route) => ({
    route,
    method: route.method,
    path: expressPath(route),
    handlers: [
      ...(isPersonal(route) ? [noStore] : []),
      ...(atTheDoor.has(route) ? [options.doorLimit] : []),
      authenticate(options.tokens, route.caller),
      options.rateLimit,
      ...(asksForQueueToken(route) ? [requireQueueToken] : []),
      ...handlersOf(route, options),
    ],
  }));
  const router = Router();
  const hot = exactRoutes();
  router.use(hot.dispatch);
  routes.forEach(({ route, method, path, handlers }, index) => {
    const exact =
      !hasParameters(path) &&
      !routes.slice(0, index).some((earlier) => shadows(earlier.route, route));
    if (exact) hot.add(router, method, path, ...handlers);
    else router[method](path, ...handlers);
  });
  return router;
}

function hasParameters(path: string): boolean {
  return path.includes(':');
}

// Whether express, trying `earlier` first, would take a request for `later`'s path there.
function shadows(earlier: ApiRoute, later: ApiRoute): boolean {
  if (earlier.method !== later.method) return false;
  const pattern = expressPath(earlier).split('/');
  const path = expressPath(later).split('/');
  return (
    pattern.length === path.length &&
    pattern.every((segment, i) => segment === path[i] || segment.startsWith(':'))
  );
}

// Tokens, wallets, reservations, payments, queue tokens: answers about one person, refusals
// included, that no browser, proxy or CDN may keep. Catalogue reads keep their public caching.
function isPersonal(route: ApiRoute): boolean {
  return route.caller !== 'anyone' || ownerByTag[route.tag] === 'gateway';
}

function asksForQueueToken(route: ApiRoute): boolean {
  return route.headers?.shape[QUEUE_TOKEN_HEADER] !== undefined;
}

const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

function handlersOf(route: ApiRoute, options: ApiRouterOptions): RequestHandler[] {
  const owner = ownerByTag[route.tag];
  if (owner === undefined) throw new Error(`No owning service for tag "${route.tag}"`);
  if (owner === 'gateway') {
    const handlers = options.ownHandlers[route.operationId];
    if (!handlers) throw new Error(`The gateway has no handler for ${route.operationId}`);
    return handlers;
  }
  const upstream = options.upstreams[owner];
  if (route.method === 'get' && route.caller === 'anyone') {
    return forwardThroughCache(route, upstream, options.newResponseCache(), options.statements);
  }
  const forward = forwardTo(upstream, options.statements);
  if (!needsActiveQueueToken.has(route)) return [forward];
  return [queueTokenCheck(options.upstreams.queue, options.statements), forward];
}
