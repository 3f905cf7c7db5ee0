import type { Response } from 'express';

/**
 * A JSON answer written with res.end: express's res.json() also looks the type up, checks the
 * request's freshness and measures the body again, on every token answer of a sale.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
