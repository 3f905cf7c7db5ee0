import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

const failures = new WeakMap<Response, Error>();

/** Puts the error that made a response a 5xx on its request line (once, with its stack). */
export function recordFailure(res: Response, error: Error): void {
  failures.set(res, error);
}

/**
 * One log line per request, when its response finishes; failures carry the error and stack.
 * Written by hand rather than with pino-http, which made a child logger per request and cost as
 * much CPU as the rest of the line; the fields are the ones it wrote.
 */
export function requestLogging(logger: Logger): RequestHandler {
  let lastId = 0;
  return (req, res, next) => {
    const startedAt = Date.now();
    lastId = (lastId + 1) & 0x7fffffff;
    const id = lastId;
    const done = () => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      const failure = failures.get(res);
      // At LOG_LEVEL=warn (the bench's, a sale's) only failures are written: build nothing else.
      if (failure === undefined && res.statusCode < 500 && !logger.isLevelEnabled('info')) return;
      const line = {
        req: { id, method: req.method, url: req.originalUrl },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - startedAt,
      };
      const msg = `${req.method} ${req.originalUrl} ${res.statusCode}`;
      if (failure === undefined && res.statusCode < 500) return logger.info(line, msg);
      const err = failure ?? new Error(`failed with status code ${res.statusCode}`);
      logger.error({ ...line, err }, msg);
    };
    res.on('close', done);
    res.on('finish', done);
    next();
  };
}
