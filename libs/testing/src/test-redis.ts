import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { infraUrl } from './infra-env';

/** A Redis connection plus a random key prefix, so tests never see each other's keys. */
export function createTestRedis() {
  const redis = new Redis(infraUrl('REDIS_URL'), { maxRetriesPerRequest: 3 });
  const prefix = `test:${randomUUID()}:`;
  return {
    redis,
    prefix,
    cleanup: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

/** Resolves once the connection can take commands (one without an offline queue refuses them). */
export function whenRedisReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}
