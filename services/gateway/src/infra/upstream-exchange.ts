import * as http from 'node:http';
import * as https from 'node:https';

export interface UpstreamRequest {
  method: string;
  /** Path and query, e.g. /api/v1/concerts?page=2 */
  url: string;
  headers: http.OutgoingHttpHeaders;
  /** Already-serialized JSON, or undefined for no body. */
  body?: string;
}

/** The upstream took longer than the gateway's timeout, answer and body included. */
export class UpstreamTimeout extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms`);
    this.name = 'UpstreamTimeout';
  }
}

export type Exchange = (request: UpstreamRequest) => Promise<http.IncomingMessage>;

/**
 * HTTP exchanges with one service at `baseUrl`, over kept-alive connections. Each resolves as
 * soon as the status and headers arrive, so the body can stream on to the client without being
 * buffered or parsed here. The timeout covers the whole exchange: a body that stalls is cut off.
 */
export function exchangesWith(baseUrl: string, timeoutMs: number): Exchange {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  const send = secure ? https.request : http.request;
  const target = {
    hostname: base.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: base.port || (secure ? 443 : 80),
    // Node's default agent drops idle sockets after 5 s, exactly when Node servers close
    // them (keepAliveTimeout 5 s): under load a request then lands on a socket the server is
    // closing and fails with "socket hang up". Idle sockets are dropped a second earlier here.
    agent: new (secure ? https.Agent : http.Agent)({
      keepAlive: true,
      timeout: 4_000,
      scheduling: 'lifo',
    }),
  };
  const pathPrefix = base.pathname.replace(/\/+$/, '');

  return ({ method, url, headers, body }) =>
    new Promise((resolve, reject) => {
      const outgoing = send({
        ...target,
        method,
        path: pathPrefix + url,
        headers:
          body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      });
      const timer = setTimeout(() => outgoing.destroy(new UpstreamTimeout(timeoutMs)), timeoutMs);
      outgoing.once('response', (answer) => {
        answer.once('close', () => clearTimeout(timer));
        resolve(answer);
      });
      outgoing.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      outgoing.end(body);
    });
}
