import type { Request } from 'express';

const patterns = new WeakMap<Request, string>();

/**
 * Records the full pattern of the route that handles a request, e.g. `/api/v1/concerts/:concertId`.
 *
 * Express only exposes `req.baseUrl + req.route.path`, and restores `req.baseUrl` when an error
 * leaves a mounted router, so reading them when the response finishes would label every failed
 * request `/:concertId`. The router assigns `req.route` at the moment the route matches, when
 * `req.baseUrl` is still right, so that assignment is where the pattern is taken.
 */
export function recordMatchedRoute(req: Request): void {
  let route: Request['route'];
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (matched: Request['route']) => {
      route = matched;
      patterns.set(req, joinPath(req.baseUrl, String(matched.path)));
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
