import type { Redis } from 'ioredis';

export interface WindowLimit {
  key: string;
  limit: number;
}

/**
 * Counters in Redis that start at the first attempt and vanish `windowMs` later (fixed windows),
 * shared by every gateway replica: failed logins per username and per IP, sign-ups per IP.
 */
export interface AttemptWindows {
  /** Milliseconds until the fullest of these windows ends, if one reached its limit; else 0. */
  blockedForMs(limits: WindowLimit[]): Promise<number>;
  /** Counts one attempt in each window, opening those not open yet. */
  count(keys: string[], windowMs: number): Promise<void>;
  /** Counts one attempt and tells how long to wait when it went past the limit (else 0). */
  take(window: WindowLimit, windowMs: number): Promise<number>;
  clear(key: string): Promise<void>;
}

export function redisAttemptWindows(redis: Redis, keyPrefix: string): AttemptWindows {
  const count = async (keys: string[], windowMs: number) => {
    const pipeline = redis.multi();
    for (const key of keys) {
      // Set with its expiry only when absent, then counted: a window never outlives windowMs.
      pipeline.set(keyPrefix + key, 0, 'PX', windowMs, 'NX').incr(keyPrefix + key);
    }
    await pipeline.exec();
  };
  return {
    async blockedForMs(limits) {
      const pipeline = redis.pipeline();
      for (const { key } of limits) pipeline.get(keyPrefix + key).pttl(keyPrefix + key);
      const replies = (await pipeline.exec()) ?? [];
      let waitMs = 0;
      limits.forEach(({ limit }, index) => {
        const [countError, attempts] = replies[index * 2] ?? [];
        const [ttlError, ttl] = replies[index * 2 + 1] ?? [];
        if (countError || ttlError) throw countError ?? ttlError;
        if (Number(attempts ?? 0) >= limit) waitMs = Math.max(waitMs, Number(ttl));
      });
      return waitMs;
    },
    count,
    async take({ key, limit }, windowMs) {
      const replies = await redis
        .multi()
        .set(keyPrefix + key, 0, 'PX', windowMs, 'NX')
        .incr(keyPrefix + key)
        .pttl(keyPrefix + key)
        .exec();
      const attempts = Number(replies?.[1]?.[1]);
      return attempts > limit ? Math.max(1, Number(replies?.[2]?.[1])) : 0;
    },
    async clear(key) {
      await redis.del(keyPrefix + key);
    },
  };
}
