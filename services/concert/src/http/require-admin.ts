import { CallerRole } from '@headliner/contracts';
import { ProblemError, verifiedCaller } from '@headliner/platform';
import type { RequestHandler } from 'express';

/** The caller's role comes from the statement the gateway signed after verifying the token. */
export const requireAdmin: RequestHandler = (_req, res, next) => {
  if (verifiedCaller(res).role === CallerRole.enum.admin) return next();
  next(ProblemError.forbidden('Only an admin may change the catalogue or its sales.'));
};
