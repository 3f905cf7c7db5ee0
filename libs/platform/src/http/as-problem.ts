import { STATUS_CODES } from 'node:http';
import { failureKindOf } from '../resilience/failure-kind';
import { invalidRequest } from './invalid-request';
import { ProblemError } from './problem-error';

/** Errors from body-parser and http-errors: a status and whether the message is safe to show. */
interface HttpError {
  status: number;
  expose?: boolean;
  type?: string;
  limit?: number;
  message: string;
}

/**
 * The problem to answer for any error reaching the error handler. A dependency that is away
 * (failureKindOf: transient) is an honest 503 to retry; other unknown errors a generic 500. Neither
 * shows its message: it can carry SQL, hostnames or stack details a client must never see.
 */
export function asProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (isHttpError(error)) {
    if (error.type === 'entity.parse.failed') {
      return invalidRequest([{ field: 'body', rule: 'json', message: 'must be valid JSON' }]);
    }
    if (error.type === 'entity.too.large') {
      return new ProblemError({
        status: 413,
        title: 'Content too large',
        detail: `The body must be at most ${error.limit} bytes.`,
      });
    }
    if (error.expose && error.status >= 400 && error.status < 500) {
      const title = STATUS_CODES[error.status] ?? 'Bad request';
      return new ProblemError({ status: error.status, title, detail: error.message });
    }
  }
  if (failureKindOf(error) === 'transient') {
    return new ProblemError({
      status: 503,
      title: 'Service unavailable',
      detail: 'A part of the system this needs is unavailable for a moment. Please try again.',
      headers: { 'Retry-After': '2' },
      cause: error,
    });
  }
  return new ProblemError({
    status: 500,
    title: 'Internal server error',
    detail: 'Something went wrong on our side. Please quote the traceId if you report it.',
    cause: error,
  });
}

function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as Partial<HttpError>).status === 'number';
}
