import { watchRedisConnection, type Logger } from '@headliner/platform';
import { Redis } from 'ioredis';

/**
 * A connection for a cache: commands fail fast while Redis is away (no offline queue, one retry,
 * a short timeout) so reads fall back to PostgreSQL instead of waiting; ioredis keeps reconnecting.
 */
export function createRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
  });
  return watchRedisConnection(redis, logger, 'catalogue-cache');
}
