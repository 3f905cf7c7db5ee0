import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Shutdown } from '../lifecycle/shutdown';
import { timeRedisCommands } from './command-metrics';
import { watchRedisConnection } from './watch-redis-connection';

/**
 * `request`: a connection requests wait on. While Redis is away its commands fail at once (no
 * offline queue) or after `commandTimeoutMs`, so the request degrades or answers 503 rather than
 * hanging until a reconnect.
 * `worker`: a bullmq worker's connection, whose commands must wait out a reconnect, not fail.
 */
export type RedisRole = 'request' | 'worker';

export interface RedisOptions {
  /** For the logs and Redis' CLIENT LIST, e.g. 'seat-claims'. */
  name: string;
  logger: Logger;
  /** Quits the connection at shutdown; tests pass none and quit it themselves. */
  shutdown?: Shutdown;
}

/**
 * A Redis connection that logs its outages and closes at shutdown; it connects at once. A request
 * connection's commands are timed (redis_command_duration_seconds).
 */
export function createRedis(
  url: string,
  role: 'request',
  options: RedisOptions & { /** REDIS_COMMAND_TIMEOUT_MS */ commandTimeoutMs: number },
): Redis;
export function createRedis(url: string, role: 'worker', options: RedisOptions): Redis;
export function createRedis(
  url: string,
  role: RedisRole,
  options: RedisOptions & { commandTimeoutMs?: number },
): Redis {
  const { name, logger, shutdown } = options;
  const redis = new Redis(
    url,
    role === 'request'
      ? {
          connectionName: name,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          commandTimeout: options.commandTimeoutMs,
        }
      : { connectionName: name, maxRetriesPerRequest: null },
  );
  shutdown?.onClose(`redis (${name})`, () => redis.quit());
  // bullmq's own commands on a worker connection are not the service's to time.
  if (role === 'request') timeRedisCommands(redis);
  return watchRedisConnection(redis, logger, name);
}
