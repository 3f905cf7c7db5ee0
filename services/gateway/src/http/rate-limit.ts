import { ProblemError, type Logger } from '@headliner/platform';
import type { RequestHandler } from 'express';
import type { RateLimit, RateLimiter } from '../infra/rate-limiter';
import { rateLimitDecisions } from '../metrics';
import { callerOf } from './authenticate';
import { clientIp } from './client-ip';

const FAIL_OPEN_LOG_INTERVAL_MS = 10_000;

export interface RateLimitOptions {
  /** Shared by the gateway replicas (Redis): a user's requests may reach any of them. */
  userLimiter: RateLimiter;
  perUser: RateLimit;
  /** For requests without a signed-in caller, counted per client IP. */
  anonymousLimiter: RateLimiter;
  perAnonymousClient: RateLimit;
  logger: Logger;
}

/**
 * Answers 429 with Retry-After once a user (or anonymous IP) spent its bucket. Runs after
 * `authenticate`, which names the user. When the limiter cannot answer (Redis is down), requests
 * go through unlimited: a rate limiter must not take the whole API down with it.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  let lastFailOpenLog = 0;

  return async (req, res, next) => {
    const caller = callerOf(res);
    const [limiter, subject, limit] = caller
      ? [options.userLimiter, `user:${caller.userId}`, options.perUser]
      : [options.anonymousLimiter, `ip:${clientIp(req)}`, options.perAnonymousClient];
    let decision;
    try {
      decision = await limiter(subject, limit);
    } catch (error) {
      rateLimitDecisions.inc({ outcome: 'fail_open' });
      if (Date.now() - lastFailOpenLog >= FAIL_OPEN_LOG_INTERVAL_MS) {
        lastFailOpenLog = Date.now();
        options.logger.warn({ err: error }, 'rate limiter unavailable: letting requests through');
      }
      return next();
    }
    rateLimitDecisions.inc({ outcome: decision.allowed ? 'allowed' : 'limited' });
    if (decision.allowed) return next();
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw ProblemError.tooManyRequests(`Too many requests; retry in ${seconds} s.`, {
      type: 'rate-limited',
      headers: { 'Retry-After': String(seconds) },
    });
  };
}
