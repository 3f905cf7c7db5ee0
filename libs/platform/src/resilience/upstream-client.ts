import { Agent } from 'node:http';
import axios, {
  isAxiosError,
  isCancel,
  type AxiosInstance,
  type InternalAxiosRequestConfig,
} from 'axios';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ProblemError } from '../http/problem-error';
import { createCircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';

export interface UpstreamClientOptions {
  /** The upstream service, e.g. 'concert': names the breaker, its metrics and its errors. */
  name: string;
  baseURL: string;
  /** Longest wait for the upstream to answer before the call fails. */
  timeoutMs: number;
  logger: Logger;
  metrics?: Registry;
  breaker?: Pick<
    CircuitBreakerOptions,
    'errorThresholdPercentage' | 'resetTimeoutMs' | 'volumeThreshold' | 'rollingWindowMs'
  >;
}

/**
 * An axios instance for calling another Headliner service, with every request going through a
 * circuit breaker. 4xx answers are the caller's problem and reach it as usual axios errors without
 * counting against the upstream; 5xx answers, timeouts and connection errors count as failures.
 * While the breaker is open, calls fail at once with a 503 ProblemError naming the upstream.
 */
export function createUpstreamClient(options: UpstreamClientOptions): AxiosInstance {
  // The node http adapter, not fetch: the http instrumentation only sees (and puts the
  // traceparent header on) requests made through node's http module.
  const send = axios.getAdapter('http');
  const breaker = createCircuitBreaker(
    options.name,
    (config: InternalAxiosRequestConfig) => send(config),
    {
      ...options.breaker,
      logger: options.logger,
      metrics: options.metrics,
      timeoutMs: false, // axios enforces timeoutMs on the request itself, and cancels it
      isCallerError: (error) =>
        isCancel(error) || (isAxiosError(error) && (error.response?.status ?? 500) < 500),
    },
  );

  return axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    // Node's default agent drops idle sockets after 5 s, exactly when Node servers close
    // them (keepAliveTimeout 5 s): under load a request then lands on a socket the server is
    // closing and fails with "socket hang up". Idle sockets are dropped a second earlier here.
    httpAgent: new Agent({ keepAlive: true, timeout: 4_000, scheduling: 'lifo' }),
    adapter: async (config) => {
      try {
        return await breaker.fire(config);
      } catch (error) {
        if ((error as { code?: string }).code !== 'EOPENBREAKER') throw error;
        throw ProblemError.serviceUnavailable(
          `The ${options.name} service is unavailable right now. Please try again shortly.`,
          { type: 'upstream-unavailable', extensions: { upstream: options.name }, cause: error },
        );
      }
    },
  });
}
