import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Logs a Redis connection's outage once when it starts and once when the connection is back,
 * rather than a line per reconnect attempt. Without an 'error' listener ioredis prints every
 * failed attempt to the console.
 */
export function watchRedisConnection(redis: Redis, logger: Logger, name: string): Redis {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error, connection: name }, 'redis connection lost; reconnecting');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ connection: name }, 'redis connection back');
  });
  return redis;
}
