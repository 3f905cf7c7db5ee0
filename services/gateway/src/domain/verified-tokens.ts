import type { Caller } from './caller';

/**
 * Access tokens already verified, each with its caller and the moment it expires, so a fan's
 * next request with the same token skips the signature check and the claims parse (a fifth of
 * the gateway's CPU on a queue poll). Keyed by the whole token, signature included: only the
 * exact bytes that passed verification can hit. Bounded: past `maxEntries` the oldest goes.
 */
export interface VerifiedTokens {
  /** The caller of a token verified before and not yet expired at `nowMs`. */
  callerOf(token: string, nowMs: number): Caller | undefined;
  remember(token: string, caller: Caller, expiresAtMs: number): void;
}

export function verifiedTokens(maxEntries: number): VerifiedTokens {
  const entries = new Map<string, { caller: Caller; expiresAtMs: number }>();
  return {
    callerOf(token, nowMs) {
      const entry = entries.get(token);
      if (entry === undefined) return undefined;
      if (nowMs < entry.expiresAtMs) return entry.caller;
      entries.delete(token);
      return undefined;
    },
    remember(token, caller, expiresAtMs) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(token, { caller, expiresAtMs });
    },
  };
}
