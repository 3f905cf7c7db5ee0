import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ExactRoutes {
  /** Registers the route on `router` as usual, and for exact dispatch too. */
  add(router: Router, method: RouteMethod, path: string, ...handlers: RequestHandler[]): void;
  /**
   * First in the service's router: answers an exact match itself, leaves anything else to the
   * routes after it. Errors go on to that router's error handlers, as from any of its routes.
   */
  dispatch: RequestHandler;
}

/**
 * A service's hot routes without path parameters (token issue and poll, the balance, the hold, the
 * gateway's verify), found by one lookup of method and path instead of express's walk through
 * every mounted router and route pattern before them, per request. Only the exact method and path
 * dispatch here; a HEAD, a trailing slash, another letter case or an unknown path go on to the
 * routers, which mount the same routes and give the usual 404 and 405 answers. The handlers are
 * the routes' own, so validation, errors and the matched route (metrics, logs, traces) are too.
 * A route added here is answered before every route of the router, so no earlier route may match
 * its path.
 */
export function exactRoutes(): ExactRoutes {
  const routes = new Map<string, { route: { path: string }; handlers: RequestHandler[] }>();
  return {
    add(router, method, path, ...handlers) {
      router[method](path, ...handlers);
      routes.set(`${method.toUpperCase()} ${path}`, { route: { path }, handlers });
    },
    dispatch(req, res, next) {
      const entry = routes.get(`${req.method} ${req.path}`);
      if (entry === undefined) return next();
      // What express's router sets when a route matches: request metrics take their label from it.
      req.params = {};
      req.route = entry.route;
      runInTurn(entry.handlers, req, res, next);
    },
  };
}

/**
 * Each handler's next() runs the following one; an error, thrown or rejected, goes to `done`. Past
 * the last handler (or on next('route')) the request leaves the router, as it would after the
 * route itself: no other route there matches its path, and the router must not run this one again.
 */
function runInTurn(
  handlers: readonly RequestHandler[],
  req: Request,
  res: Response,
  done: NextFunction,
): void {
  let index = 0;
  const fail = (error: unknown) => done(error ?? new Error('Rejected promise'));
  const next = (error?: unknown) => {
    if (error === 'route' || error === 'router') return done('router');
    if (error !== undefined && error !== null) return done(error);
    const handler = handlers[index++];
    if (handler === undefined) return done('router');
    try {
      const result: unknown = handler(req, res, next);
      if (result instanceof Promise) result.catch(fail);
    } catch (thrown) {
      fail(thrown);
    }
  };
  next();
}
