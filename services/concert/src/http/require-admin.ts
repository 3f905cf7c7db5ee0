import { ProblemError } from '@headliner/platform';
import type { RequestHandler } from 'express';

/** The gateway sets X-User-Role from a verified token and strips any a client sent. */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (req.get('x-user-role') === 'admin') return next();
  next(ProblemError.forbidden('Only an admin may change the catalogue.'));
};
