import type { LoginResponse } from '@headliner/contracts';
import type { AccessTokens } from './access-token';
import type { Caller } from './caller';
import { newRefreshToken, refreshTokenHash } from './refresh-token';

export interface RefreshTokens {
  /** Stores a token (by its hash) that starts a new family: one sign-in and its refreshes. */
  start(caller: Caller, tokenHash: string): Promise<void>;
  /**
   * Uses up the token and stores its successor in the same family, returning whom they sign in.
   * Undefined when the token is unknown, expired, revoked or already used; a used one revokes
   * its whole family, since either its holder or a thief now holds the successor.
   */
  rotate(tokenHash: string, successorHash: string): Promise<Caller | undefined>;
  /** Revokes the token's family (logout); nothing for an unknown token. */
  revokeFamily(tokenHash: string): Promise<void>;
}

export interface Sessions {
  /** A new sign-in: an access token and the first refresh token of a new family. */
  start(caller: Caller): Promise<LoginResponse>;
  /** The next tokens for a refresh token, or undefined when it no longer signs anyone in. */
  refresh(refreshToken: string): Promise<LoginResponse | undefined>;
  end(refreshToken: string): Promise<void>;
}

export function sessions(tokens: AccessTokens, refreshTokens: RefreshTokens): Sessions {
  const answer = (caller: Caller, refreshToken: string): LoginResponse => ({
    accessToken: tokens.issue(caller),
    userId: caller.userId,
    refreshToken,
    expiresIn: tokens.ttlSeconds,
  });
  return {
    async start(caller) {
      const { token, hash } = newRefreshToken();
      await refreshTokens.start(caller, hash);
      return answer(caller, token);
    },
    async refresh(refreshToken) {
      const successor = newRefreshToken();
      const caller = await refreshTokens.rotate(refreshTokenHash(refreshToken), successor.hash);
      return caller && answer(caller, successor.token);
    },
    end: (refreshToken) => refreshTokens.revokeFamily(refreshTokenHash(refreshToken)),
  };
}
