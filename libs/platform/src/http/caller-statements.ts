import {
  CALLER_STATEMENT_HEADER,
  CallerStatementRejected,
  verifyCallerStatement,
  type CallerStatement,
  type ServiceName,
  type UserStatement,
} from '@headliner/contracts';
import type { RequestHandler, Response } from 'express';
import { ProblemError } from './problem-error';
import { verifiedStatementMemo } from './verified-statement-memo';

export interface CallerStatementCheck {
  /** INTERNAL_AUTH_SECRET, shared by the gateway and every service. */
  secret: string;
  /** INTERNAL_AUTH_ACCEPTED_SECRETS: also accepted while the secret rotates (see README). */
  alsoAccepted?: readonly string[];
  /** This service: statements addressed to another are refused. */
  audience: ServiceName;
}

const statements = new WeakMap<Response, CallerStatement>();

/**
 * Refuses, 401, any request without a valid signed statement of its caller addressed to this
 * service, and keeps the statement for the routes: the only source of who is calling.
 */
export function verifyCallers({
  secret,
  alsoAccepted,
  audience,
}: CallerStatementCheck): RequestHandler {
  const memo = verifiedStatementMemo();
  const verified = (text: string | undefined): CallerStatement => {
    const now = Date.now();
    const recalled = text === undefined ? undefined : memo.recall(text, now);
    if (recalled) return recalled;
    const statement = verifyCallerStatement(text, secret, { audience, alsoAccepted, now });
    // A missing text never gets here: verifyCallerStatement refuses it.
    memo.remember(text as string, statement);
    return statement;
  };
  return (req, res, next) => {
    try {
      statements.set(res, verified(req.get(CALLER_STATEMENT_HEADER)));
    } catch (error) {
      if (!(error instanceof CallerStatementRejected)) throw error;
      return next(
        ProblemError.unauthorized(
          `${error.message} Services are called through the gateway or by a service that signs for itself.`,
          { type: 'caller-statement-rejected', extensions: { problem: error.problem } },
        ),
      );
    }
    next();
  };
}

/** The verified statement of this request's caller. */
export function verifiedCaller(res: Response): CallerStatement {
  const statement = statements.get(res);
  if (statement) return statement;
  throw new Error('verifiedCaller(res) needs the verifyCallers middleware before the route');
}

/** The signed-in fan (or admin) a route acts for; a service's own statement is refused 403. */
export function signedInUser(res: Response): UserStatement {
  const statement = verifiedCaller(res);
  if (statement.role !== 'service') return statement;
  throw ProblemError.forbidden(
    `This route acts for a signed-in user, not the ${statement.sub} service.`,
    {
      type: 'user-caller-required',
    },
  );
}

/** Only a service calling on its own account (e.g. the gateway's internal queue-token check). */
export const serviceCallersOnly: RequestHandler = (_req, res, next) => {
  const statement = verifiedCaller(res);
  if (statement.role === 'service') return next();
  next(
    ProblemError.forbidden('Only a service may call this route.', {
      type: 'service-caller-required',
    }),
  );
};
