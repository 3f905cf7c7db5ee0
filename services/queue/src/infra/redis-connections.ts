import { watchRedisConnection, type Logger } from '@headliner/platform';
import { Redis } from 'ioredis';

/**
 * The connection requests use. Without an offline queue and with a command timeout, a request
 * during a Redis outage fails at once (503) instead of waiting for a reconnect.
 */
export function createRequestRedis(url: string, commandTimeoutMs: number, logger: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 1,
    connectionName: 'queue-requests',
  });
  return watchRedisConnection(redis, logger, 'queue-requests');
}

/** The sweep worker's connection: bullmq needs commands to wait out a reconnect, not fail. */
export function createWorkerRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: 'queue-sweep' });
  return watchRedisConnection(redis, logger, 'queue-sweep');
}

/** Resolves once the connection can take commands; it keeps reconnecting until then. */
export function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}
