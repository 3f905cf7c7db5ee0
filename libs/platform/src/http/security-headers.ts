import type { RequestHandler } from 'express';

/**
 * Headers that keep a browser from misusing any answer: never sniff a JSON body into HTML or
 * script, never show an answer in a frame (clickjacking), never send the API's URLs (with their
 * ids) on as a Referer, and run nothing an answer might contain. A page that needs more, like
 * /docs, sets its own Content-Security-Policy over this one.
 *
 * No Strict-Transport-Security: nothing here terminates TLS, and a browser ignores HSTS over
 * plain HTTP; it belongs on the TLS-terminating proxy in front of the gateway.
 */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  });
  next();
};
