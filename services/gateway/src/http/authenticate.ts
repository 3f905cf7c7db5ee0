import type { Caller as RouteCaller } from '@headliner/contracts';
import { ProblemError } from '@headliner/platform';
import type { RequestHandler, Response } from 'express';
import { AccessTokenRejected, type AccessTokens } from '../domain/access-token';
import type { Caller } from '../domain/caller';

const callers = new WeakMap<Response, Caller>();

/** The verified caller of a request that passed `authenticate`; undefined on open routes. */
export function callerOf(res: Response): Caller | undefined {
  return callers.get(res);
}

/**
 * Checks the bearer token a route needs (`user` or `admin`): 401 without a valid one, 403 when a
 * user calls an admin route. Open (`anyone`) routes ignore the header altogether.
 */
export function authenticate(tokens: AccessTokens, needs: RouteCaller): RequestHandler {
  return (req, res, next) => {
    if (needs === 'anyone') return next();
    const token = /^Bearer +(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) throw unauthenticated('Sign in and send "Authorization: Bearer <accessToken>".');
    let caller: Caller;
    try {
      caller = tokens.verify(token);
    } catch (error) {
      if (!(error instanceof AccessTokenRejected)) throw error;
      throw unauthenticated(`${error.message}; sign in again.`, error.reason);
    }
    if (needs === 'admin' && caller.role !== 'admin') {
      throw ProblemError.forbidden('This endpoint needs an admin account.', { type: 'admin-only' });
    }
    callers.set(res, caller);
    next();
  };
}

function unauthenticated(detail: string, reason?: AccessTokenRejected['reason']): ProblemError {
  // RFC 6750: tells the client which scheme to use, and whether the token it sent was refused.
  const challenge = reason
    ? `Bearer error="invalid_token", error_description="${reason === 'expired' ? 'expired' : 'invalid'}"`
    : 'Bearer';
  return ProblemError.unauthorized(detail, {
    type: 'unauthenticated',
    headers: { 'WWW-Authenticate': challenge },
  });
}
