import { apiRoutes, IDEMPOTENCY_KEY_HEADER, QUEUE_TOKEN_HEADER } from '@headliner/contracts';
import type { RequestHandler } from 'express';

// What a browser app sends: the bearer token, a JSON body, a payment's idempotency key and the
// waiting room's token. The API sets no cookie, so no credentials mode is allowed.
const allowedHeaders = [
  'Authorization',
  'Content-Type',
  IDEMPOTENCY_KEY_HEADER,
  QUEUE_TOKEN_HEADER,
];
// Beyond the headers every browser shows a script: when to retry (429, 503) and what was created.
const exposedHeaders = ['Retry-After', 'Location'];
const allowedMethods = [...new Set(Object.values(apiRoutes).map((r) => r.method.toUpperCase()))];
// How long a browser may reuse a preflight answer, in seconds.
const preflightMaxAge = 600;

/**
 * CORS for the client apps on `allowedOrigins` (exact origins, as CORS_ALLOWED_ORIGINS lists
 * them): their preflights to /api are answered 204, and every answer to them names their origin.
 * Any other origin gets no CORS header at all, so its browser keeps the answer from its script;
 * its preflight falls through to the 405 every undeclared method gets. The docs page is served
 * by the gateway itself, so it needs no entry.
 */
export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    // The answer depends on the Origin from now on: no shared cache may give one origin's to another.
    res.vary('Origin');
    const origin = req.get('Origin');
    if (origin === undefined || !allowed.has(origin)) return next();
    res.set('Access-Control-Allow-Origin', origin);
    if (!isPreflight(req.method, req.get('Access-Control-Request-Method'), req.path)) {
      res.set('Access-Control-Expose-Headers', exposedHeaders.join(', '));
      return next();
    }
    res
      .status(204)
      .set({
        'Access-Control-Allow-Methods': allowedMethods.join(', '),
        'Access-Control-Allow-Headers': allowedHeaders.join(', '),
        'Access-Control-Max-Age': String(preflightMaxAge),
      })
      .end();
  };
}

function isPreflight(method: string, requestedMethod: string | undefined, path: string): boolean {
  return method === 'OPTIONS' && requestedMethod !== undefined && path.startsWith('/api/');
}
