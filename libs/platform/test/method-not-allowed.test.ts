import { Router } from 'express';
import request from 'supertest';
import { createHttpApp, createLogger } from '../src';

const silent = createLogger({ service: 'test', level: 'silent' });

function app() {
  const routes = Router();
  routes.get('/api/v1/concerts/:concertId/schedules', (_req, res) => {
    res.json([]);
  });
  routes.post('/api/v1/payments', (_req, res) => {
    res.json({});
  });
  return createHttpApp({
    logger: silent,
    routes,
    operations: [
      { method: 'get', path: '/api/v1/concerts/{concertId}/schedules' },
      { method: 'post', path: '/api/v1/payments' },
      { method: 'get', path: '/health/live' },
    ],
  });
}

describe('when a declared path is asked with a method it does not take', () => {
  it.each([
    ['TRACE', '/api/v1/payments', 'POST'],
    ['PUT', '/api/v1/concerts/7/schedules', 'GET, HEAD'],
    ['DELETE', '/API/v1/concerts/7/schedules/', 'GET, HEAD'],
    ['GET', '/api/v1/payments', 'POST'],
    ['POST', '/health/live', 'GET, HEAD'],
  ])('answers %s %s with 405 and Allow: %s, as a problem', async (method, path, allow) => {
    const res = await request(app())[method.toLowerCase() as 'get'](path);

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.type).toBe('application/problem+json');
    if (method !== 'HEAD')
      expect(res.body).toMatchObject({ status: 405, title: 'Method not allowed' });
  });

  it('still serves the declared methods', async () => {
    expect((await request(app()).get('/api/v1/concerts/7/schedules')).status).toBe(200);
    expect((await request(app()).head('/api/v1/concerts/7/schedules')).status).toBe(200);
  });
});

describe('when the path is not declared at all', () => {
  it('answers 404', async () => {
    const res = await request(app()).trace('/api/v1/concerts/7/schedules/extra');
    expect(res.status).toBe(404);
  });
});

describe('when no operations are given', () => {
  it("answers 405 on the contract's paths", async () => {
    const res = await request(createHttpApp({ logger: silent, routes: Router() })).put(
      '/api/v1/wallet',
    );

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});
