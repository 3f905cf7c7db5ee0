import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { exactRoutes } from '../src/http/exact-routes';

// The exact lookup in front of a router that mounts the same path. The exact route's handlers are
// registered on a router nobody mounts, so whichever answers says who ran.
function appWith(handlers: RequestHandler[]) {
  const seen: string[] = [];
  const hot = exactRoutes();
  const router = Router();
  router.use(hot.dispatch);
  hot.add(Router(), 'get', '/api/things', ...handlers);
  router.get('/api/things', (_req, res) => {
    seen.push('router');
    res.json({ by: 'router' });
  });
  const app = express();
  app.use((req, _res, next) => {
    next();
    seen.push(`route ${String((req.route as { path?: string } | undefined)?.path)}`);
  });
  app.use(router);
  app.use((_req, res) => res.status(404).json({ by: 'fallthrough' }));
  const problem: ErrorRequestHandler = (error: Error, _req, res, _next) => {
    res.status(500).json({ error: error.message });
  };
  app.use(problem);
  return { app, seen };
}

const answer: RequestHandler = (req, res) => {
  res.json({ by: 'exact', params: req.params });
};

describe('when a request names an exact route', () => {
  it('runs its handlers in order, with the route and empty params as express sets them', async () => {
    const order: string[] = [];
    const first: RequestHandler = (_req, _res, next) => {
      order.push('first');
      next();
    };
    const { app, seen } = appWith([first, answer]);

    const response = await request(app).get('/api/things');

    expect(response.body).toEqual({ by: 'exact', params: {} });
    expect(order).toEqual(['first']);
    expect(seen).toEqual(['route /api/things']);
  });

  it('passes a thrown error and a rejected promise on to the error handlers', async () => {
    const throwing: RequestHandler = () => {
      throw new Error('thrown');
    };
    const rejecting: RequestHandler = () => Promise.reject(new Error('rejected'));

    const thrown = await request(appWith([throwing, answer]).app).get('/api/things');
    const rejected = await request(appWith([rejecting, answer]).app).get('/api/things');

    expect([thrown.status, thrown.body]).toEqual([500, { error: 'thrown' }]);
    expect([rejected.status, rejected.body]).toEqual([500, { error: 'rejected' }]);
  });

  it('leaves the router when no handler answers, without running the route again', async () => {
    const passing: RequestHandler = (_req, _res, next) => next();

    const response = await request(appWith([passing]).app).get('/api/things');

    expect(response.body).toEqual({ by: 'fallthrough' });
  });
});

describe('when a request is not exactly an exact route', () => {
  it.each([
    ['a trailing slash', 'get', '/api/things/'],
    ['other letter case', 'get', '/API/things'],
    ['HEAD', 'head', '/api/things'],
  ] as const)('leaves %s to the router behind it', async (_case, method, path) => {
    const { app, seen } = appWith([answer]);

    const response = await request(app)[method](path);

    expect(response.status).toBe(200);
    expect(seen).toEqual(['router', 'route /api/things']);
  });
});
