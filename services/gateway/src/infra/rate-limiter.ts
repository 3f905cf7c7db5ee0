import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until the next request would be allowed. */
  retryAfterMs: number;
}

// A token bucket per subject, read and updated in one script so concurrent requests (and gateway
// replicas) never both spend the last token. Time comes from Redis, so replicas' clocks agree.
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, wait}
`;
const TAKE_TOKEN_SHA = createHash('sha1').update(TAKE_TOKEN).digest('hex');

export type RateLimiter = (subject: string, limit: RateLimit) => Promise<RateDecision>;

export function redisRateLimiter(redis: Redis, keyPrefix: string): RateLimiter {
  return async (subject, { perSecond, burst }) => {
    const args = [1, keyPrefix + subject, perSecond, burst] as const;
    let reply: unknown;
    try {
      reply = await redis.evalsha(TAKE_TOKEN_SHA, ...args);
    } catch (error) {
      // First use on this Redis (or after a restart): load the script by sending it whole.
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      reply = await redis.eval(TAKE_TOKEN, ...args);
    }
    const [allowed, wait] = reply as [number, number];
    return { allowed: allowed === 1, retryAfterMs: wait };
  };
}
