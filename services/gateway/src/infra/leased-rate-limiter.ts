import type { RateDecision, RateLimiter, TakeTokens } from './rate-limiter';

export interface LeaseOptions {
  /** The most tokens one replica takes from a subject's shared bucket at once (1: every request asks). */
  maxTokens: number;
  /** How long tokens taken and not yet spent may be spent; after that they are dropped. */
  leaseMs: number;
}

interface Lease {
  tokens: number;
  expiresAt: number;
  /** Tokens asked for by the last take that was granted. */
  lastTake: number;
  /** Spent since that take. */
  spent: number;
  /** The shared bucket said empty: refused here until then without asking again. */
  refusedUntil: number;
  renewal?: Promise<unknown>;
}

const ALLOWED: RateDecision = { allowed: true, retryAfterMs: 0 };

/**
 * A rate limit that holds across gateway replicas without a round trip to the shared buckets on
 * every request: a replica takes several of a subject's tokens at once and spends them itself,
 * for at most `leaseMs`. Every request allowed spends a token that came out of the shared bucket,
 * so over time no subject gets more than the bucket's rate, however many replicas serve it. The
 * bound on overshoot: within any window, a subject gets at most what one shared bucket allows
 * (burst + rate × window) plus the tokens the replicas held when the window began, so at most
 * R × (maxTokens − 1) more requests across R replicas. Tokens left when a lease ends are dropped
 * (a subject may be refused slightly early, never late).
 *
 * How many to take follows the subject's pace, so a fan sending a request now and then takes
 * one token at a time and drops none: one at first, twice the last take when a lease ran out
 * before it ended, and what the last lease spent when it ended. A refusal is remembered until
 * the bucket holds a token again, so a flood of refused requests costs no round trips either.
 */
export function leasedRateLimiter(
  take: TakeTokens,
  { maxTokens, leaseMs }: LeaseOptions,
  now: () => number = Date.now,
): RateLimiter {
  const leases = new Map<string, Lease>();
  let lastSweep = now();

  const forgetIdle = (at: number) => {
    if (at - lastSweep < 2 * leaseMs) return;
    lastSweep = at;
    for (const [subject, lease] of leases) {
      if (!lease.renewal && at >= lease.expiresAt + leaseMs && at >= lease.refusedUntil) {
        leases.delete(subject);
      }
    }
  };

  const takeSize = (lease: Lease | undefined, at: number): number => {
    if (!lease || lease.lastTake === 0) return 1;
    if (at < lease.expiresAt) return Math.min(maxTokens, lease.lastTake * 2);
    if (at < lease.expiresAt + leaseMs) return Math.min(maxTokens, Math.max(1, lease.spent));
    return 1;
  };

  return async (subject, limit) => {
    for (;;) {
      const at = now();
      forgetIdle(at);
      let lease = leases.get(subject);
      // Requests of one subject arriving during a take wait for it rather than take again.
      if (lease?.renewal) {
        await lease.renewal;
        continue;
      }
      if (lease && at < lease.refusedUntil) {
        return { allowed: false, retryAfterMs: lease.refusedUntil - at };
      }
      if (lease && lease.tokens > 0 && at < lease.expiresAt) {
        lease.tokens -= 1;
        lease.spent += 1;
        return ALLOWED;
      }
      const count = takeSize(lease, at);
      if (!lease) {
        lease = { tokens: 0, expiresAt: 0, lastTake: 0, spent: 0, refusedUntil: 0 };
        leases.set(subject, lease);
      }
      const renewal = take(subject, limit, count);
      lease.renewal = renewal;
      let taken;
      try {
        taken = await renewal;
      } finally {
        lease.renewal = undefined;
      }
      const takenAt = now();
      if (taken.granted < 1) {
        lease.tokens = 0;
        lease.refusedUntil = takenAt + taken.retryAfterMs;
        return { allowed: false, retryAfterMs: taken.retryAfterMs };
      }
      lease.tokens = taken.granted - 1;
      lease.expiresAt = takenAt + leaseMs;
      lease.lastTake = count;
      lease.spent = 1;
      return ALLOWED;
    }
  };
}
