import type { Request } from 'express';

/**
 * The client's IP for every per-IP limit: the connection's peer, or what X-Forwarded-For says
 * when the peer is one of TRUSTED_PROXIES (express's `trust proxy`, set in app.ts).
 */
export function clientIp(req: Request): string {
  return req.ip ?? 'unknown';
}
