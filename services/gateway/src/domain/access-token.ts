import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { CallerRole } from '@headliner/contracts';
import { z } from 'zod';
import type { Caller } from './caller';
import { verifiedTokens } from './verified-tokens';

const ALGORITHM = 'HS256';

// About 5 MB at most; a sale's fans beyond it are verified again now and then, nothing worse.
const VERIFIED_TOKENS_KEPT = 20_000;

// exp is required: jsonwebtoken checks it only when the token has one.
const Claims = z.object({ sub: z.uuid(), role: CallerRole, exp: z.int() });

/** Why a bearer token was refused; `expired` lets clients know to sign in again. */
export class AccessTokenRejected extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The access token expired' : 'The access token is not valid');
    this.name = 'AccessTokenRejected';
  }
}

export interface AccessTokenOptions {
  secret: string;
  ttlSeconds: number;
  /** Who issues (`iss`) and who must accept (`aud`): a token made for another use is refused. */
  issuer: string;
  audience: string;
}

export interface AccessTokens {
  issue(caller: Caller): string;
  /** Seconds an issued token lives. */
  ttlSeconds: number;
  /** The caller the token names; throws AccessTokenRejected for anything but a valid token. */
  verify(token: string): Caller;
}

export function accessTokens(options: AccessTokenOptions): AccessTokens {
  const { secret, ttlSeconds, issuer, audience } = options;
  // A key object, made once: given the string, jsonwebtoken first tries to parse it as a PEM
  // public key on every call, failing with an exception each time, which cost a sixth of the
  // gateway's CPU in a burst of queue-token requests.
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const verified = verifiedTokens(VERIFIED_TOKENS_KEPT);
  return {
    ttlSeconds,
    issue: ({ userId, role }) =>
      jwt.sign({ role }, key, {
        algorithm: ALGORITHM,
        subject: userId,
        expiresIn: ttlSeconds,
        issuer,
        audience,
      }),
    verify(token) {
      const known = verified.callerOf(token, Date.now());
      if (known) return known;
      let payload: unknown;
      try {
        // The algorithm is pinned: a token must never choose how it is checked ("alg": "none").
        payload = jwt.verify(token, key, { algorithms: [ALGORITHM], issuer, audience });
      } catch (error) {
        throw new AccessTokenRejected(
          error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid',
        );
      }
      const claims = Claims.safeParse(payload);
      if (!claims.success) throw new AccessTokenRejected('invalid');
      const caller: Caller = { userId: claims.data.sub, role: claims.data.role };
      // jsonwebtoken refuses a token from the second its exp names (exp <= now in seconds).
      verified.remember(token, caller, claims.data.exp * 1000);
      return caller;
    },
  };
}
