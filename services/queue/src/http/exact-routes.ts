import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';

type Method = 'get' | 'post';

export interface ExactRoutes {
  /** Registers the route on `router` as usual, and for exact dispatch too. */
  add(router: Router, method: Method, path: string, ...handlers: RequestHandler[]): void;
  /**
   * First in the service's router: answers an exact match itself, leaves anything else to the
   * routers after it. Errors go on to that router's error handlers, as from any of its routes.
   */
  dispatch: RequestHandler;
}

/**
 * A few hot literal routes (token issue, poll, the gateway's verify) answered without walking the
 * service's routers: express's router entered each mounted router in turn and matched every
 * route's pattern on the way, per request. Only the exact method and path dispatch here; a HEAD,
 * a trailing slash, another case, or an unknown path go on to the routers, which have the same
 * routes and give the usual 404 and 405 answers. The handlers are the routers' own, so validation,
 * errors and the matched route (metrics, logs, traces) are too. A route added here is answered
 * before every router, so no earlier route may match its path.
 */
export function exactRoutes(): ExactRoutes {
  const routes = new Map<string, { path: string; handlers: RequestHandler[] }>();
  return {
    add(router, method, path, ...handlers) {
      router[method](path, ...handlers);
      routes.set(`${method.toUpperCase()} ${path}`, { path, handlers });
    },
    dispatch(req, res, next) {
      const route = routes.get(`${req.method} ${req.path}`);
      if (route === undefined) return next();
      // What express's router assigns when a route matches: request-metrics records it here.
      req.route = { path: route.path };
      runInTurn(route.handlers, req, res, next);
    },
  };
}

/**
 * Each handler's next() runs the following one; an error, thrown or rejected, goes to `done`. Past
 * the last handler (or on next('route')) the request leaves the service's router, as it would
 * after the route itself: no other route there matches its path, and the routers must not run
 * this one again.
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
    if (error === 'route') return done('router');
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
