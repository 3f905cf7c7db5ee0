import type { ErrorRequestHandler, RequestHandler } from 'express';
import { activeTraceId } from '../telemetry/active-span';
import { asProblem } from './as-problem';
import { ProblemError } from './problem-error';
import { recordFailure } from './request-logging';

export const problemContentType = 'application/problem+json';

/** Last in the chain: no route matched. */
export const answerUnmatchedRoute: RequestHandler = (req, _res, next) => {
  next(ProblemError.notFound(`There is no ${req.method} ${pathOf(req.originalUrl)} endpoint.`));
};

/** The error handler: every error leaves as an RFC 9457 problem document. */
export const answerWithProblem: ErrorRequestHandler = (error, req, res, next) => {
  // Headers already went out with part of a body: only express can end this response, by
  // closing the connection.
  if (res.headersSent) return next(error);

  const problem = asProblem(error);
  // The request line carries this error and its stack, once.
  if (problem.status >= 500)
    recordFailure(res, error instanceof Error ? error : new Error(String(error)));
  res
    .status(problem.status)
    .set(problem.headers)
    .type(problemContentType)
    .json({
      ...problem.extensions,
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: pathOf(req.originalUrl),
      traceId: activeTraceId(),
    });
};

function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}
