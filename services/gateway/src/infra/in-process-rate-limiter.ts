import type { RateLimiter } from './rate-limiter';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * The same token bucket as the Redis one, kept in this process: for anonymous callers, counted
 * per client IP. Asking Redis cost a round trip (and a script run in Redis) on every catalogue
 * read, the busiest anonymous call; per replica, an IP may then spend its bucket once on each
 * gateway replica, which is fine for a limit meant to keep one client from flooding the API.
 *
 * Buckets that refilled completely are forgotten on a sweep, so the map only holds recent callers.
 */
export function inProcessRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  let lastSweep = now();

  return (subject, { perSecond, burst }) => {
    const at = now();
    if (at - lastSweep > (burst / perSecond) * 1000 + 1000) {
      for (const [key, bucket] of buckets) {
        if (bucket.tokens + ((at - bucket.at) * perSecond) / 1000 >= burst) buckets.delete(key);
      }
      lastSweep = at;
    }
    const bucket = buckets.get(subject) ?? { tokens: burst, at };
    const tokens = Math.min(
      burst,
      bucket.tokens + (Math.max(0, at - bucket.at) * perSecond) / 1000,
    );
    buckets.set(subject, bucket);
    bucket.at = at;
    if (tokens >= 1) {
      bucket.tokens = tokens - 1;
      return Promise.resolve({ allowed: true, retryAfterMs: 0 });
    }
    bucket.tokens = tokens;
    return Promise.resolve({
      allowed: false,
      retryAfterMs: Math.ceil(((1 - tokens) * 1000) / perSecond),
    });
  };
}
