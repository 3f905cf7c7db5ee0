import { CallerRole, USER_ROLE_HEADER } from '@headliner/contracts';
import { ProblemError } from '@headliner/platform';
import type { RequestHandler } from 'express';

/** The gateway sets X-User-Role from a verified token and strips any a client sent. */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (req.get(USER_ROLE_HEADER) === CallerRole.enum.admin) return next();
  next(ProblemError.forbidden('Only an admin may change the catalogue.'));
};
