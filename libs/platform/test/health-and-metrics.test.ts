import { Router } from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import {
  createHttpApp,
  createLogger,
  createManagementApp,
  ProblemError,
  type Logger,
  type ReadinessChecks,
  type RequestSeries,
} from '../src';
import { captureLogs } from './support/captured-logs';

const silent = createLogger({ service: 'test', level: 'silent' });

function appWith(options: {
  readiness?: ReadinessChecks;
  degradedWithout?: ReadinessChecks;
  isShuttingDown?: () => boolean;
  logger?: Logger;
  zeroedRequestSeries?: RequestSeries[];
}) {
  const concerts = Router();
  concerts.get('/:concertId', () => {
    throw ProblemError.notFound('No such concert.');
  });
  const routes = Router();
  routes.get('/things/:id', (_req, res) => {
    res.json({ ok: true });
  });
  routes.get('/broken', () => {
    throw new Error('a bug');
  });
  routes.use('/api/v1/concerts', concerts);
  const metrics = new Registry();
  const app = createHttpApp({
    logger: silent,
    routes,
    metrics,
    readinessTimeoutMs: 50,
    ...options,
  });
  const management = createManagementApp({
    logger: silent,
    metrics,
    readinessTimeoutMs: 50,
    ...options,
  });
  return { app, management, metrics };
}

describe('when the process runs', () => {
  it('is live', async () => {
    const res = await request(appWith({}).app).get('/health/live');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('when every readiness check passes', () => {
  it('is ready and lists each check as up on the management port', async () => {
    const { management } = appWith({
      readiness: { postgres: async () => [{ '?column?': 1 }], redis: () => 'PONG' },
    });

    const res = await request(management).get('/health/ready');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { postgres: 'up', redis: 'up' } });
  });
});

describe('when a readiness check fails or hangs', () => {
  it('is unavailable and names the failing checks with their reason on the management port', async () => {
    const { management } = appWith({
      readiness: {
        postgres: async () => 1,
        redis: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        },
        kafka: () => new Promise(() => {}),
      },
    });

    const res = await request(management).get('/health/ready');

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

describe('when the public port is asked about readiness', () => {
  it('answers the status alone: which dependency is down, and why, stay inside', async () => {
    const { app } = appWith({
      readiness: {
        postgres: async () => {
          throw new Error('connect ECONNREFUSED 10.0.3.7:5432');
        },
      },
      degradedWithout: { redis: () => Promise.reject(new Error('NOAUTH')) },
    });

    const res = await request(app).get('/health/ready');

    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable' });
  });
});

describe('when a dependency the service answers without is down', () => {
  it('stays ready, says it is degraded and names the dependency with its reason', async () => {
    const { management } = appWith({
      readiness: { postgres: () => 1 },
      degradedWithout: {
        redis: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        },
      },
    });

    const res = await request(management).get('/health/ready');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'degraded',
      checks: { postgres: 'up', redis: 'down: connect ECONNREFUSED 127.0.0.1:6379' },
    });
  });

  it('is unavailable still when something it needs is down too', async () => {
    const { app } = appWith({
      readiness: {
        postgres: () => Promise.reject(new Error('the database system is starting up')),
      },
      degradedWithout: { kafka: () => Promise.reject(new Error('not started')) },
    });

    const res = await request(app).get('/health/ready');

    expect(res.status).toBe(503);
    expect(res.body.status).toBe('unavailable');
  });

  it('logs the dependency going down and coming back once each, not at every probe', async () => {
    const { logger, lines } = captureLogs();
    let redisUp = true;
    const { app } = appWith({
      logger,
      degradedWithout: {
        redis: () => (redisUp ? 'PONG' : Promise.reject(new Error('connect ECONNREFUSED'))),
      },
    });

    await request(app).get('/health/ready');
    redisUp = false;
    await request(app).get('/health/ready');
    await request(app).get('/health/ready');
    redisUp = true;
    await request(app).get('/health/ready');

    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ['warn', 'redis is down: serving without it'],
      ['info', 'redis is back'],
    ]);
  });
  it('says nothing when a dependency that was still connecting at the first probe comes up', async () => {
    const { logger, lines } = captureLogs();
    let redisUp = false;
    const { app } = appWith({
      logger,
      degradedWithout: {
        redis: () => (redisUp ? 'PONG' : Promise.reject(new Error('connect ECONNREFUSED'))),
      },
    });

    await request(app).get('/health/ready');
    redisUp = true;
    await request(app).get('/health/ready');

    expect(lines).toEqual([]);
  });
});

describe('when liveness is probed', () => {
  it('answers without asking any dependency, so an outage never gets the process restarted', async () => {
    const probed: string[] = [];
    const { app } = appWith({
      readiness: { postgres: () => probed.push('postgres') },
      degradedWithout: { redis: () => probed.push('redis') },
    });

    const res = await request(app).get('/health/live');

    expect(res.status).toBe(200);
    expect(probed).toEqual([]);
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
  it('exposes their durations by route pattern, method and status code on the management port', async () => {
    const { app, management } = appWith({});
    await request(app).get('/things/42');
    await request(app).get('/things/43');
    await request(app).get('/api/v1/concerts/7');
    await request(app).get('/nowhere');
    await request(app).get('/health/live');

    const res = await request(management).get('/metrics');

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
    expect(res.text).toContain('http_server_errors_total{status_code="500"} 0');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });
});

describe('when an alert counts a series before its first request', () => {
  it('exports that series at 0 from the start, so the first failure is an increase', async () => {
    const failures = { route: '/things/:id', method: 'GET', status_code: '503' };
    const { app, management } = appWith({ zeroedRequestSeries: [failures] });

    const before = await request(management).get('/metrics');
    await request(app).get('/things/42');
    const after = await request(management).get('/metrics');

    const line =
      'http_request_duration_seconds_count{route="/things/:id",method="GET",status_code="503"} 0';
    expect(before.text).toContain(line);
    expect(after.text).toContain(line);
    expect(after.text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/things/:id",status_code="200"} 1',
    );
  });
});

describe('when a request fails with a 5xx', () => {
  it('counts it by status code, beside the 5xx codes kept at 0 from the start', async () => {
    const { app, management } = appWith({});

    await request(app).get('/broken');
    const res = await request(management).get('/metrics');

    expect(res.text).toContain('http_server_errors_total{status_code="500"} 1');
    expect(res.text).toContain('http_server_errors_total{status_code="503"} 0');
  });
});

describe('when /metrics is asked on the public port', () => {
  it('answers 404: the scrape is on the management port only', async () => {
    const { app } = appWith({});

    const res = await request(app).get('/metrics');

    expect(res.status).toBe(404);
    expect(res.text).not.toContain('process_cpu_user_seconds_total');
  });
});
