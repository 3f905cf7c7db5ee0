import { Router } from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import { createHttpApp, createLogger, ProblemError, type ReadinessChecks } from '../src';

const logger = createLogger({ service: 'test', level: 'silent' });

function appWith(options: { readiness?: ReadinessChecks; isShuttingDown?: () => boolean }) {
  const concerts = Router();
  concerts.get('/:concertId', () => {
    throw ProblemError.notFound('No such concert.');
  });
  const routes = Router();
  routes.get('/things/:id', (_req, res) => {
    res.json({ ok: true });
  });
  routes.use('/api/v1/concerts', concerts);
  const metrics = new Registry();
  const app = createHttpApp({ logger, routes, metrics, readinessTimeoutMs: 50, ...options });
  return { app, metrics };
}

describe('when the process runs', () => {
  it('is live', async () => {
    const res = await request(appWith({}).app).get('/health/live');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('when every readiness check passes', () => {
  it('is ready and lists each check as up', async () => {
    const { app } = appWith({
      readiness: { postgres: async () => [{ '?column?': 1 }], redis: () => 'PONG' },
    });

    const res = await request(app).get('/health/ready');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { postgres: 'up', redis: 'up' } });
  });
});

describe('when a readiness check fails or hangs', () => {
  it('is unavailable and names the failing checks with their reason', async () => {
    const { app } = appWith({
      readiness: {
        postgres: async () => 1,
        redis: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        },
        kafka: () => new Promise(() => {}),
      },
    });

    const res = await request(app).get('/health/ready');

    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'unavailable',
      checks: {
        postgres: 'up',
        redis: 'down: connect ECONNREFUSED 127.0.0.1:6379',
        kafka: 'down: no answer within 50 ms',
      },
    });
  });
});

describe('when the service is shutting down', () => {
  it('answers 503 on both probes so load balancers drain it', async () => {
    const { app } = appWith({ readiness: { postgres: () => 1 }, isShuttingDown: () => true });

    const ready = await request(app).get('/health/ready');
    const live = await request(app).get('/health/live');

    expect([ready.status, live.status]).toEqual([503, 503]);
    expect(ready.body).toEqual({ status: 'shutting down' });
  });
});

describe('when requests have been served', () => {
  it('exposes their durations by route pattern, method and status code', async () => {
    const { app } = appWith({});
    await request(app).get('/things/42');
    await request(app).get('/things/43');
    await request(app).get('/api/v1/concerts/7');
    await request(app).get('/nowhere');
    await request(app).get('/health/live');

    const res = await request(app).get('/metrics');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/things/:id",status_code="200"} 2',
    );
    expect(res.text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/things\/:id",status_code="200"\} \d/,
    );
    expect(res.text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/v1/concerts/:concertId",status_code="404"} 1',
    );
    expect(res.text).toContain(
      'http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"} 1',
    );
    expect(res.text).not.toContain('route="/health');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });
});
