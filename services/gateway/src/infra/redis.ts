import { Redis } from 'ioredis';

/**
 * Redis only serves rate limiting, which fails open: a command must fail at once (no offline
 * queue) or within commandTimeoutMs rather than hold a request while Redis is away.
 */
export function createRedis(url: string, commandTimeoutMs: number): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
  });
}
