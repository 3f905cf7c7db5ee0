import { randomUUID } from 'node:crypto';
import { eventually, infraUrl, whenRedisReady } from '@headliner/testing';
import { createLogger, createRedis, createShutdown } from '../src';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('when a request connection is made', () => {
  it('gives up on a command after the command timeout', async () => {
    const redis = createRedis(infraUrl('REDIS_URL'), 'request', {
      name: 'test-requests',
      commandTimeoutMs: 100,
      logger,
    });
    try {
      await whenRedisReady(redis);
      const started = Date.now();
      await expect(redis.blpop(`test:${randomUUID()}`, 2)).rejects.toThrow(/timed out/);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      redis.disconnect();
    }
  });

  it('refuses a command at once while Redis cannot be reached', async () => {
    // Nothing listens on port 1.
    const redis = createRedis('redis://127.0.0.1:1', 'request', {
      name: 'test-requests',
      commandTimeoutMs: 5000,
      logger,
    });
    try {
      await expect(redis.ping()).rejects.toThrow(/Stream isn't writeable|enableOfflineQueue/);
    } finally {
      redis.disconnect();
    }
  });
});

describe('when a worker connection is made', () => {
  it('lets bullmq wait out a reconnect: no retry limit, no command timeout', () => {
    const redis = createRedis(infraUrl('REDIS_URL'), 'worker', { name: 'test-worker', logger });
    try {
      expect(redis.options.maxRetriesPerRequest).toBeNull();
      expect(redis.options.commandTimeout).toBeUndefined();
    } finally {
      redis.disconnect();
    }
  });
});

describe('when the service shuts down', () => {
  it('quits the connection', async () => {
    const shutdown = createShutdown({ logger, timeoutMs: 5000, signals: [] });
    const redis = createRedis(infraUrl('REDIS_URL'), 'worker', {
      name: 'test-worker',
      logger,
      shutdown,
    });
    await whenRedisReady(redis);

    expect(await shutdown.run('test')).toBe(0);
    // QUIT is answered before the socket closes.
    const status = await eventually(
      async () => redis.status,
      (now) => now === 'end',
      5000,
    );
    expect(status).toBe('end');
  });
});
