import type { Logger } from '@headliner/platform';
import type { RequestHandler } from 'express';
import type { RateLimit, RateLimiter } from '../infra/rate-limiter';
import { doorLimitDecisions } from '../metrics';
import { clientIp } from './client-ip';
import { tooManyAttempts } from './retry-later';

export interface DoorLimitOptions {
  /** Shared by the gateway replicas (Redis), so more replicas give a bot no more tries. */
  limiter: RateLimiter;
  perIp: RateLimit;
  logger: Logger;
}

/**
 * A token bucket per client IP on the door of the waiting room (challenges and joins), before
 * anything else runs: a flood from one address is refused at the cost of one Redis call, whoever
 * it signs in as. Behind TRUSTED_PROXIES the IP is the one X-Forwarded-For names. Lets requests
 * through while Redis is away, as the other limits do.
 */
export function doorLimit(options: DoorLimitOptions): RequestHandler {
  return async (req, _res, next) => {
    let decision;
    try {
      decision = await options.limiter(`door:ip:${clientIp(req)}`, options.perIp);
    } catch (error) {
      doorLimitDecisions.inc({ outcome: 'fail_open' });
      options.logger.warn({ err: error }, 'door limit unavailable: letting requests through');
      return next();
    }
    doorLimitDecisions.inc({ outcome: decision.allowed ? 'allowed' : 'limited' });
    if (decision.allowed) return next();
    throw tooManyAttempts(
      decision.retryAfterMs,
      'Too many joins and challenges from this address',
      'too-many-joins',
    );
  };
}
