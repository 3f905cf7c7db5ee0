import { createUpstreamClient, ProblemError, type Logger } from '@headliner/platform';
import { isAxiosError, type AxiosResponse, type RawAxiosRequestHeaders } from 'axios';
import type { Registry } from 'prom-client';
import type { GatewayConfig } from '../config';

export const upstreamNames = ['queue', 'concert', 'reservation', 'wallet'] as const;
export type UpstreamName = (typeof upstreamNames)[number];

export interface UpstreamRequest {
  method: string;
  /** Path and query, e.g. /api/v1/concerts?page=2 */
  url: string;
  headers: RawAxiosRequestHeaders;
  /** Already-serialized JSON, or undefined for no body. */
  body?: string;
}

/** A service behind the gateway. Its answers below 500 resolve; 5xx answers resolve too. */
export interface Upstream {
  name: UpstreamName;
  send(request: UpstreamRequest): Promise<AxiosResponse<Buffer>>;
}

export type Upstreams = Record<UpstreamName, Upstream>;

export function createUpstreams(config: GatewayConfig, logger: Logger, metrics?: Registry) {
  const baseUrls: Record<UpstreamName, string> = {
    queue: config.QUEUE_URL,
    concert: config.CONCERT_URL,
    reservation: config.RESERVATION_URL,
    wallet: config.WALLET_URL,
  };
  const entries = upstreamNames.map((name) => [name, createUpstream(name, baseUrls[name])]);
  return Object.fromEntries(entries) as Upstreams;

  function createUpstream(name: UpstreamName, baseURL: string): Upstream {
    const client = createUpstreamClient({
      name,
      baseURL,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      logger,
      metrics,
      breaker: {
        resetTimeoutMs: config.UPSTREAM_BREAKER_RESET_MS,
        volumeThreshold: config.UPSTREAM_BREAKER_VOLUME_THRESHOLD,
      },
    });
    return {
      name,
      async send({ method, url, headers, body }) {
        try {
          return await client.request<Buffer>({
            method,
            url,
            headers,
            data: body,
            responseType: 'arraybuffer',
            maxRedirects: 0,
            // Only 5xx reject, so that the breaker counts them; the caller relays them anyway.
            validateStatus: (status) => status < 500,
          });
        } catch (error) {
          if (error instanceof ProblemError) throw error; // the breaker is open
          if (isAxiosError<Buffer>(error) && error.response) return error.response;
          throw unreachable(name, error);
        }
      },
    };
  }
}

function unreachable(name: UpstreamName, error: unknown): ProblemError {
  const code = isAxiosError(error) ? error.code : undefined;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new ProblemError({
      status: 504,
      title: 'Gateway timeout',
      type: 'upstream-timeout',
      detail: `The ${name} service did not answer in time. Please try again shortly.`,
      extensions: { upstream: name },
      cause: error,
    });
  }
  return ProblemError.serviceUnavailable(
    `The ${name} service is unavailable right now. Please try again shortly.`,
    { type: 'upstream-unavailable', extensions: { upstream: name }, cause: error },
  );
}
