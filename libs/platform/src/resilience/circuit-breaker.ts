import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import { register as globalRegistry, type Registry } from 'prom-client';
import { circuitBreakerMetrics } from './circuit-breaker-metrics';

export interface CircuitBreakerOptions {
  logger: Logger;
  metrics?: Registry;
  /** A call slower than this counts as a failure; false when the call has its own timeout. */
  timeoutMs?: number | false;
  /** Failure percentage over the rolling window above which the breaker opens. */
  errorThresholdPercentage?: number;
  /** How long the breaker stays open before letting one trial call through (half-open). */
  resetTimeoutMs?: number;
  /** Calls needed in the window before the breaker may open, so two early errors do not trip it. */
  volumeThreshold?: number;
  /** Length of the rolling window the failure percentage is computed over. */
  rollingWindowMs?: number;
  /** Errors for which this returns true are the caller's fault, not the dependency's: they do not count. */
  isCallerError?: (error: unknown) => boolean;
}

/**
 * Wraps a call to a dependency so that, once it keeps failing, further calls fail at once instead of
 * piling up waiting on it; `fire(...args)` makes the call. State changes are logged and exported as
 * metrics. Open-breaker rejections carry `code: 'EOPENBREAKER'`.
 */
export function createCircuitBreaker<Args extends unknown[], Result>(
  name: string,
  call: (...args: Args) => Promise<Result>,
  options: CircuitBreakerOptions,
): CircuitBreaker<Args, Result> {
  const breaker = new CircuitBreaker(call, {
    name,
    timeout: options.timeoutMs ?? 3000,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    resetTimeout: options.resetTimeoutMs ?? 10_000,
    volumeThreshold: options.volumeThreshold ?? 5,
    rollingCountTimeout: options.rollingWindowMs ?? 10_000,
    errorFilter: options.isCallerError ?? (() => false),
  });

  const { state, events } = circuitBreakerMetrics(options.metrics ?? globalRegistry);
  const logger = options.logger.child({ breaker: name });
  state.set({ breaker: name }, 0);
  breaker.on('open', () => {
    state.set({ breaker: name }, 2);
    logger.warn(`circuit breaker ${name} opened: failing fast`);
  });
  breaker.on('halfOpen', () => {
    state.set({ breaker: name }, 1);
    logger.info(`circuit breaker ${name} half-open: letting a trial call through`);
  });
  breaker.on('close', () => {
    state.set({ breaker: name }, 0);
    logger.info(`circuit breaker ${name} closed`);
  });
  breaker.on('success', () => events.inc({ breaker: name, event: 'success' }));
  breaker.on('failure', () => events.inc({ breaker: name, event: 'failure' }));
  breaker.on('timeout', () => events.inc({ breaker: name, event: 'timeout' }));
  breaker.on('reject', () => events.inc({ breaker: name, event: 'reject' }));
  return breaker;
}
