import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

export type RateLimiter = (subject: string, limit: RateLimit) => Promise<RateDecision>;

export interface TokensTaken {
  /** Between 0 and the count asked for: what the bucket held. */
  granted: number;
  /** When none was granted: how long until the bucket holds one. */
  retryAfterMs: number;
}

/** Takes up to `count` tokens from the subject's bucket at once. */
export type TakeTokens = (subject: string, limit: RateLimit, count: number) => Promise<TokensTaken>;

// Read once when the module loads; the build copies lua/ into dist beside this file.
const TAKE_TOKEN = readFileSync(join(__dirname, 'lua', 'take-token.lua'), 'utf8');
const TAKE_TOKEN_SHA = createHash('sha1').update(TAKE_TOKEN).digest('hex');

/** The token buckets in Redis, shared by every gateway replica. */
export function redisTokenBuckets(redis: Redis, keyPrefix: string): TakeTokens {
  return async (subject, { perSecond, burst }, count) => {
    const args = [1, keyPrefix + subject, perSecond, burst, count] as const;
    let reply: unknown;
    try {
      reply = await redis.evalsha(TAKE_TOKEN_SHA, ...args);
    } catch (error) {
      // First use on this Redis (or after a restart): load the script by sending it whole.
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      reply = await redis.eval(TAKE_TOKEN, ...args);
    }
    const [granted, wait] = reply as [number, number];
    return { granted, retryAfterMs: wait };
  };
}
