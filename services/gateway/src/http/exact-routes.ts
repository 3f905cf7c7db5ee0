import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface ExactRoute {
  method: string;
  /** A path without parameters, as express would match it. */
  path: string;
  handlers: RequestHandler[];
}

interface Entry {
  /** What express would assign to req.route: request metrics and traces take their label from it. */
  route: { path: string };
  handlers: RequestHandler[];
}

/**
 * Routes whose path has no parameter (token issue and poll, the balance, the hold), found by one
 * lookup of method and path instead of express's walk through every route before them (a regular
 * expression each) and the matched route's own stack. It goes in front of the router that also
 * mounts these routes: a request it does not know exactly (another method, HEAD, a trailing
 * slash, other letter case) goes on to that router and is answered as before. Its handlers run
 * as express runs a route's: in order, a thrown error or a rejected promise passed on to the error
 * handlers, and a request none of them answered leaves the router.
 */
export function exactRoutes(routes: readonly ExactRoute[]): RequestHandler {
  const table = new Map<string, Entry>();
  for (const { method, path, handlers } of routes) {
    table.set(`${method.toUpperCase()} ${path}`, { route: { path }, handlers });
  }
  return (req, res, next) => {
    const entry = table.get(`${req.method} ${req.path}`);
    if (entry === undefined) return next();
    req.params = {};
    req.route = entry.route;
    runInOrder(entry.handlers, req, res, next);
  };
}

function runInOrder(
  handlers: RequestHandler[],
  req: Request,
  res: Response,
  leave: NextFunction,
): void {
  let index = 0;
  const next = (error?: unknown): void => {
    // 'route' and 'router' both leave: no other route has this method and path.
    if (error === 'route' || error === 'router') return leave('router');
    if (error) return leave(error);
    const handler = handlers[index++];
    if (handler === undefined) return leave('router');
    try {
      const result: unknown = handler(req, res, next);
      if (result instanceof Promise) {
        result.then(undefined, (rejection: unknown) =>
          next(rejection ?? new Error('Rejected promise')),
        );
      }
    } catch (thrown) {
      next(thrown);
    }
  };
  next();
}
