import { asService, testInternalAuthSecret } from '@headliner/testing';
import { createHttpApp, createLogger, ProblemError, validate } from '@headliner/platform';
import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import { z } from 'zod';
import { exactRoutes } from '@headliner/platform';

const logger = createLogger({ service: 'test', level: 'silent' });
const statement = asService('gateway', 'queue');

/** An app with two routes of a mounted router also dispatched exactly. */
function appWith() {
  const metrics = new Registry();
  const ran: string[] = [];
  const hot = exactRoutes();
  const routes = Router();
  routes.use(hot.dispatch);
  const later = Router();
  const body = validate({ body: z.object({ name: z.string().min(1) }).strict() });
  const step: RequestHandler = (_req, _res, next) => {
    ran.push('step');
    next();
  };
  hot.add(later, 'post', '/things', body, step, async (_req, res) => {
    ran.push('handler');
    res.status(201).json({ made: body.input(res).body.name });
  });
  hot.add(later, 'get', '/things/broken', async () => {
    throw ProblemError.notFound('No such thing.', { type: 'thing-not-found' });
  });
  hot.add(later, 'get', '/things/onwards', (_req, _res, next) => {
    ran.push('onwards');
    next();
  });
  routes.use(later);
  routes.use(((error, _req, res, next) => {
    res.setHeader('x-handled-by', 'the routes');
    next(error);
  }) as ErrorRequestHandler);
  const app = createHttpApp({
    logger,
    routes,
    metrics,
    callers: { secret: testInternalAuthSecret, audience: 'queue' },
    operations: [
      { method: 'POST', path: '/things' },
      { method: 'GET', path: '/things/broken' },
      { method: 'GET', path: '/things/onwards' },
    ],
  });
  return { app, metrics, ran };
}

describe('when a hot route is dispatched exactly', () => {
  it('runs its handlers in turn and labels its metrics with the route', async () => {
    const { app, metrics, ran } = appWith();

    const res = await request(app).post('/things').set(statement).send({ name: 'kite' });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ made: 'kite' });
    expect(ran).toEqual(['step', 'handler']);
    expect(await metrics.getSingleMetricAsString('http_request_duration_seconds')).toContain(
      'http_request_duration_seconds_count{method="POST",route="/things",status_code="201"} 1',
    );
  });

  it('answers a body that breaks a rule 400 naming the field, and runs nothing after it', async () => {
    const { app, ran } = appWith();

    const res = await request(app).post('/things').set(statement).send({ name: '', extra: 1 });

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'body.extra',
      'body.name',
    ]);
    expect(ran).toEqual([]);
  });

  it('gives a rejected handler’s problem to the router’s error handlers, then the app’s', async () => {
    const { app, metrics } = appWith();

    const res = await request(app).get('/things/broken').set(statement);

    expect(res.status).toBe(404);
    expect(res.headers['x-handled-by']).toBe('the routes');
    expect(res.body.type).toBe('https://headliner.dev/problems/thing-not-found');
    expect(await metrics.getSingleMetricAsString('http_request_duration_seconds')).toContain(
      'http_request_duration_seconds_count{method="GET",route="/things/broken",status_code="404"} 1',
    );
  });

  it('still refuses a request without a caller statement before any route runs', async () => {
    const { app, ran } = appWith();

    const res = await request(app).post('/things').send({ name: 'kite' });

    expect(res.status).toBe(401);
    expect(ran).toEqual([]);
  });

  it('leaves every other method and spelling to the routers: 405, HEAD and a trailing slash', async () => {
    const { app, ran } = appWith();

    const put = await request(app).put('/things').set(statement).send({ name: 'kite' });
    const head = await request(app).head('/things/broken').set(statement);
    const slash = await request(app).post('/things/').set(statement).send({ name: 'kite' });
    const unknown = await request(app).get('/things/other').set(statement);

    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST');
    expect(head.status).toBe(404);
    expect(slash.status).toBe(201);
    expect(ran).toEqual(['step', 'handler']);
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('https://headliner.dev/problems/not-found');
  });

  it('runs a route once when its last handler passes it on, which then finds nothing', async () => {
    const { app, ran } = appWith();

    const res = await request(app).get('/things/onwards').set(statement);

    expect(res.status).toBe(404);
    expect(ran).toEqual(['onwards']);
  });
});
