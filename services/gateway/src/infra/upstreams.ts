import type { IncomingMessage } from 'node:http';
import { createCircuitBreaker, ProblemError, type Logger } from '@headliner/platform';
import type { GatewayConfig } from '../config';
import { exchangesWith, UpstreamTimeout, type UpstreamRequest } from './upstream-exchange';

export type { UpstreamRequest } from './upstream-exchange';

export const upstreamNames = ['queue', 'concert', 'reservation', 'wallet'] as const;
export type UpstreamName = (typeof upstreamNames)[number];

/**
 * A service behind the gateway. Every answer it gives resolves, 5xx included (the breaker counts
 * those); its body is still streaming and must be read or discarded. Calls that get no answer,
 * and calls while its breaker is open, reject with a 503 or 504 problem naming the service.
 */
export interface Upstream {
  name: UpstreamName;
  send(request: UpstreamRequest): Promise<IncomingMessage>;
}

export type Upstreams = Record<UpstreamName, Upstream>;

/** A 5xx answer, as a failure the breaker counts; the caller still relays it. */
class ServerErrorAnswer extends Error {
  constructor(readonly answer: IncomingMessage) {
    super(`answered ${answer.statusCode}`);
  }
}

export function createUpstreams(config: GatewayConfig, logger: Logger) {
  const baseUrls: Record<UpstreamName, string> = {
    queue: config.QUEUE_URL,
    concert: config.CONCERT_URL,
    reservation: config.RESERVATION_URL,
    wallet: config.WALLET_URL,
  };
  const entries = upstreamNames.map((name) => [name, createUpstream(name, baseUrls[name])]);
  return Object.fromEntries(entries) as Upstreams;

  function createUpstream(name: UpstreamName, baseUrl: string): Upstream {
    const exchange = exchangesWith(baseUrl, config.UPSTREAM_TIMEOUT_MS);
    const breaker = createCircuitBreaker(
      name,
      async (request: UpstreamRequest) => {
        const answer = await exchange(request);
        if ((answer.statusCode ?? 500) >= 500) throw new ServerErrorAnswer(answer);
        return answer;
      },
      {
        logger,
        timeoutMs: false, // the exchange enforces UPSTREAM_TIMEOUT_MS itself, and aborts
        resetTimeoutMs: config.UPSTREAM_BREAKER_RESET_MS,
        volumeThreshold: config.UPSTREAM_BREAKER_VOLUME_THRESHOLD,
      },
    );
    return {
      name,
      async send(request) {
        try {
          return await breaker.fire(request);
        } catch (error) {
          if (error instanceof ServerErrorAnswer) return error.answer;
          throw unreachable(name, error, config.UPSTREAM_BREAKER_RESET_MS);
        }
      },
    };
  }
}

function unreachable(name: UpstreamName, error: unknown, breakerResetMs: number): ProblemError {
  if (error instanceof UpstreamTimeout) {
    return new ProblemError({
      status: 504,
      title: 'Gateway timeout',
      type: 'upstream-timeout',
      detail: `The ${name} service did not answer in time. Please try again shortly.`,
      extensions: { upstream: name },
      cause: error,
    });
  }
  // Refused or reset connections, and the open breaker's fast failures: by the time the breaker
  // tries the service again, the client may too.
  return ProblemError.serviceUnavailable(
    `The ${name} service is unavailable right now. Please try again shortly.`,
    {
      type: 'upstream-unavailable',
      extensions: { upstream: name },
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(breakerResetMs / 1000))) },
      cause: error,
    },
  );
}
