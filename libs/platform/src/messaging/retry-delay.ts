export interface RetryPolicy {
  /** Attempts at an unexpected failure before it is parked; transient ones have no bound. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Caps the backoff, and so how long a recovered dependency waits to be used again. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 2_000,
};

/** Exponential backoff with full jitter, so retrying consumers do not stampede together. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(Math.random() * ceiling);
}
