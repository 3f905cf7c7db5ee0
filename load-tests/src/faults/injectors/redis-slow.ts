import { Redis } from 'ioredis';
import type { Injector } from './injector';
import { repeatUntilStopped, type RepeatingTask } from './repeat-until-stopped';

export interface RedisPauses {
  /** How long each CLIENT PAUSE holds every client's commands. */
  pauseMs: number;
  /** How long Redis answers between two pauses. */
  gapMs: number;
}

/**
 * Redis answering slowly: CLIENT PAUSE ALL for `pauseMs`, `gapMs` of service, again and again.
 * Each pause has its own end, so Redis answers again within `pauseMs` even if the drill dies
 * mid-fault. Removal stops the loop and returns once Redis answers again: CLIENT UNPAUSE would
 * not help, since Redis holds every client's commands during a pause ALL, that one included. It
 * pauses every client of the server (the drill's system is the only one on it).
 */
export function redisPauses({ pauseMs, gapMs }: RedisPauses): Injector {
  let loop: RepeatingTask | undefined;
  let admin: Redis | undefined;
  return {
    inject: async (system) => {
      if (loop) return;
      const redis = new Redis(system.redisAdminUrl, { maxRetriesPerRequest: 1 });
      admin = redis;
      loop = repeatUntilStopped(async (pause) => {
        await redis.call('CLIENT', 'PAUSE', String(pauseMs), 'ALL');
        await pause(pauseMs + gapMs);
      });
    },
    remove: async (system) => {
      await loop?.stop();
      loop = undefined;
      admin?.disconnect();
      admin = undefined;
      const redis = new Redis(system.redisAdminUrl, { maxRetriesPerRequest: 1 });
      try {
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    },
  };
}
