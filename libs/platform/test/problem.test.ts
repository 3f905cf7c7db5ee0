import { Router } from 'express';
import { Registry } from 'prom-client';
import { Client } from 'pg';
import request from 'supertest';
import { createHttpApp, ProblemError } from '../src';
import { captureLogs } from './support/captured-logs';

function appWith(routes: Router) {
  const logs = captureLogs();
  const app = createHttpApp({ logger: logs.logger, routes, metrics: new Registry() });
  return { app, logs };
}

describe('when no route matches', () => {
  it('answers a 404 problem document naming the request', async () => {
    const { app } = appWith(Router());

    const res = await request(app).get('/concerts/42/nope?x=1');

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'https://headliner.dev/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'There is no GET /concerts/42/nope endpoint.',
      instance: '/concerts/42/nope',
    });
  });
});

describe('when a handler throws a ProblemError', () => {
  it('renders its status, type, title, detail, extensions and headers', async () => {
    const routes = Router();
    routes.post('/holds', async () => {
      throw ProblemError.conflict('Seat A12 is already held.', {
        type: 'seat-already-held',
        title: 'Seat already held',
        extensions: { seatId: 'A12' },
        headers: { 'Retry-After': '30' },
      });
    });
    const { app } = appWith(routes);

    const res = await request(app)
      .post('/holds')
      .send({ seatIds: ['A12'] });

    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body).toEqual({
      type: 'https://headliner.dev/problems/seat-already-held',
      title: 'Seat already held',
      status: 409,
      detail: 'Seat A12 is already held.',
      instance: '/holds',
      seatId: 'A12',
    });
  });
});

describe('when a handler fails unexpectedly', () => {
  it('answers a generic 500 and logs the error with its stack', async () => {
    const routes = Router();
    routes.get('/wallets/:walletId', () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:5432 (user wallet, password hunter2)');
    });
    const { app, logs } = appWith(routes);

    const res = await request(app).get('/wallets/7');

    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      type: 'https://headliner.dev/problems/internal-server-error',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side. Please quote the traceId if you report it.',
      instance: '/wallets/7',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|hunter2/);
    const requestLine = logs.lines.find((line) => line.msg === 'GET /wallets/7 500');
    expect(requestLine).toMatchObject({
      level: 'error',
      err: { message: expect.stringContaining('ECONNREFUSED'), stack: expect.any(String) },
    });
  });
});

describe('when a dependency the handler needs is away', () => {
  it('answers a 503 problem with Retry-After, without the dependency’s address', async () => {
    const routes = Router();
    routes.get('/wallets/:walletId', async () => {
      await new Client({ host: '127.0.0.1', port: 1, user: 'wallet', database: 'x' }).connect();
    });
    const { app, logs } = appWith(routes);

    const res = await request(app).get('/wallets/7');

    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toMatchObject({
      type: 'https://headliner.dev/problems/service-unavailable',
      status: 503,
      instance: '/wallets/7',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    const requestLine = logs.lines.find((line) => line.msg === 'GET /wallets/7 503');
    expect(requestLine).toMatchObject({
      err: { message: expect.stringContaining('ECONNREFUSED') },
    });
  });
});

describe('when the body is not acceptable JSON', () => {
  const routes = Router();
  routes.post('/payments', (req, res) => {
    res.json(req.body);
  });
  const { app } = appWith(routes);

  it('answers 400 naming the body when it is malformed', async () => {
    const res = await request(app)
      .post('/payments')
      .set('Content-Type', 'application/json')
      .send('{"amount": 12,');

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      title: 'Invalid request',
      detail: 'The request has an invalid field: body.',
      errors: [{ field: 'body', rule: 'json', message: 'must be valid JSON' }],
    });
  });

  it('answers 413 when it is larger than the limit', async () => {
    const res = await request(app)
      .post('/payments')
      .send({ note: 'x'.repeat(200_000) });

    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ title: 'Content too large', status: 413 });
  });
});
