import type { ErrorRequestHandler } from 'express';
import { QueueStoreUnavailableError } from '../infra/queue-store-unavailable-error';
import { queueStoreUnavailable } from './queue-token-problems';

/** A Redis outage answers 503 with Retry-After, not the generic 500 of an unknown error. */
export const answerStoreOutage: ErrorRequestHandler = (error, _req, _res, next) => {
  next(error instanceof QueueStoreUnavailableError ? queueStoreUnavailable(error) : error);
};
