import type { Logger } from '@headliner/platform';
import type { RequestHandler } from 'express';
import type { AttemptWindows } from '../infra/attempt-windows';
import { clientIp } from './client-ip';
import { tooManyAttempts } from './retry-later';

export interface SignupThrottleOptions {
  windows: AttemptWindows;
  perIp: number;
  windowSeconds: number;
  logger: Logger;
}

/**
 * At most `perIp` sign-ups per client IP in a window, shared by the replicas: account creation
 * costs a password hash and a row, and mass-made accounts would each queue for the sale. Lets
 * sign-ups through while Redis is away.
 */
export function signupThrottle(options: SignupThrottleOptions): RequestHandler {
  const windowMs = options.windowSeconds * 1000;
  return async (req, _res, next) => {
    let waitMs = 0;
    try {
      waitMs = await options.windows.take(
        { key: `signups:ip:${clientIp(req)}`, limit: options.perIp },
        windowMs,
      );
    } catch (error) {
      options.logger.warn({ err: error }, 'signup throttle unavailable: letting sign-ups through');
    }
    if (waitMs > 0)
      throw tooManyAttempts(waitMs, 'Too many sign-ups from here', 'too-many-signups');
    next();
  };
}
