import type { Request } from 'express';

const patterns = new WeakMap<Request, string>();
const routes = new WeakMap<Request, Request['route']>();
const watched = new WeakSet<object>();

/**
 * Records the full pattern of the route that handles a request, e.g. `/api/v1/concerts/:concertId`.
 *
 * Express only exposes `req.baseUrl + req.route.path`, and restores `req.baseUrl` when an error
 * leaves a mounted router, so reading them when the response finishes would label every failed
 * request `/:concertId`. The router assigns `req.route` at the moment the route matches, when
 * `req.baseUrl` is still right, so that assignment is where the pattern is taken. The accessor
 * that sees it is defined once on the app's request prototype (express gives each request that
 * prototype before its first middleware), not on every request: that cost 1 % of a hot route.
 */
export function recordMatchedRoute(req: Request): void {
  const prototype = Object.getPrototypeOf(req) as object;
  if (watched.has(prototype)) return;
  watched.add(prototype);
  Object.defineProperty(prototype, 'route', {
    configurable: true,
    enumerable: true,
    get(this: Request) {
      return routes.get(this);
    },
    set(this: Request, matched: Request['route']) {
      routes.set(this, matched);
      patterns.set(this, joinPath(this.baseUrl, String(matched.path)));
    },
  });
}

/** The recorded pattern, or undefined when no route matched (a 404, or a body that did not parse). */
export function matchedRoute(req: Request): string | undefined {
  return patterns.get(req);
}

function joinPath(base: string, path: string): string {
  const joined = `${base}${path === '/' && base ? '' : path}`;
  return joined || '/';
}
