import type { Logger } from '@headliner/platform';
import type { AttemptWindows } from '../infra/attempt-windows';
import { tooManyAttempts } from './retry-later';

const FAIL_OPEN_LOG_INTERVAL_MS = 10_000;

export interface LoginThrottleOptions {
  windows: AttemptWindows;
  failuresPerUsername: number;
  failuresPerIp: number;
  windowSeconds: number;
  logger: Logger;
}

export interface LoginThrottle {
  /** Throws 429 while the username or the IP has used up its failures in the current window. */
  refuseIfBlocked(username: string, ip: string): Promise<void>;
  failed(username: string, ip: string): Promise<void>;
  /** Forgets the username's failures; the IP's stay, or one own account would reset them. */
  succeeded(username: string): Promise<void>;
}

/**
 * Failed logins counted per username (guessing one fan's password from many IPs) and per IP
 * (trying many usernames from one). Unknown usernames count like known ones, so a 429 tells
 * nothing about which exist. The windows are short and fixed: a fan locked out by someone else's
 * guesses gets in again once the attacker stops for one window. While Redis is away logins go
 * through unthrottled, like the rate limit.
 */
export function loginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const { windows, logger } = options;
  const windowMs = options.windowSeconds * 1000;
  const userKey = (username: string) => `login-failures:user:${username}`;
  const ipKey = (ip: string) => `login-failures:ip:${ip}`;
  let lastFailOpenLog = 0;

  async function orFailOpen<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (Date.now() - lastFailOpenLog >= FAIL_OPEN_LOG_INTERVAL_MS) {
        lastFailOpenLog = Date.now();
        logger.warn({ err: error }, 'login throttle unavailable: letting logins through');
      }
      return fallback;
    }
  }

  return {
    async refuseIfBlocked(username, ip) {
      const waitMs = await orFailOpen(
        () =>
          windows.blockedForMs([
            { key: userKey(username), limit: options.failuresPerUsername },
            { key: ipKey(ip), limit: options.failuresPerIp },
          ]),
        0,
      );
      if (waitMs > 0) {
        throw tooManyAttempts(waitMs, 'Too many failed sign-ins', 'too-many-failed-logins');
      }
    },
    failed: (username, ip) =>
      orFailOpen(() => windows.count([userKey(username), ipKey(ip)], windowMs), undefined),
    succeeded: (username) => orFailOpen(() => windows.clear(userKey(username)), undefined),
  };
}
