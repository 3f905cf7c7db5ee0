import { randomUUID } from 'node:crypto';
import { createManagementApp, createRedis } from '@headliner/platform';
import { testInternalAuthSecret } from '@headliner/testing';
import request from 'supertest';
import { createApp } from '../src/app';
import { createWaitingRoom } from '../src/infra/waiting-room';
import { testDoor } from './support/test-door';
import { enterQueue, verifyToken } from './support/queue-requests';
import { knownSchedules, quietLogger } from './support/test-queue';

describe('when Redis cannot be reached', () => {
  // Nothing listens on port 1: every connection attempt is refused.
  const redis = createRedis('redis://127.0.0.1:1', 'request', {
    name: 'queue-requests',
    commandTimeoutMs: 500,
    logger: quietLogger,
  });
  const waitingRoom = createWaitingRoom({
    redis,
    keyPrefix: `test:${randomUUID()}:`,
    rules: {
      activeLimit: 50,
      admissionRatePerMinute: null,
      activeTtlSeconds: 300,
      waitIdleSeconds: 60,
    },
  });
  const probes = { readiness: { redis: () => redis.ping() } };
  const app = createApp({
    logger: quietLogger,
    internalAuthSecret: testInternalAuthSecret,
    waitingRoom,
    schedules: knownSchedules,
    door: testDoor(redis, 'test:', waitingRoom),
    ...probes,
  });
  const management = createManagementApp({ logger: quietLogger, ...probes });
  afterAll(() => redis.disconnect());

  it('is not ready, and says why on the management port only', async () => {
    const res = await request(app).get('/health/ready');
    const detail = await request(management).get('/health/ready');

    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable' });
    expect(detail.status).toBe(503);
    expect(detail.body.checks.redis).toMatch(/^down/);
  });

  it('answers requests with a fast 503 problem rather than hanging', async () => {
    const started = Date.now();
    const entered = await enterQueue(app, randomUUID());
    const verified = await verifyToken(app, randomUUID(), 'some-token');

    expect(Date.now() - started).toBeLessThan(1000);
    for (const res of [entered, verified]) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body.type).toBe('https://headliner.dev/problems/queue-unavailable');
    }
  });
});
