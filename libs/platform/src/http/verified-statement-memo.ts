import type { CallerStatement } from '@headliner/contracts';

/** How many verified statements a service keeps: a few MB at most, whatever the traffic. */
export const VERIFIED_STATEMENT_MEMO_SIZE = 5_000;

export interface VerifiedStatementMemo {
  /** The statement verified earlier from exactly this text, while it has not yet expired. */
  recall(text: string, now: number): CallerStatement | undefined;
  remember(text: string, statement: CallerStatement): void;
  readonly size: number;
}

/**
 * Verified statements by their exact text, so a statement presented again (the gateway's own,
 * signed with `iat` in whole seconds, is the same text for every call in that second) is not
 * HMACed, decoded and parsed again. The key is the whole signed text, so a changed byte never
 * matches. An entry is recalled only before its `exp`, stricter than the check itself (which
 * allows a few seconds of clock leeway beyond it): a recalled statement is one the full check
 * would accept at that moment too, and past `exp` the full check decides.
 *
 * Two generations of half the size each: when the newer is full it becomes the older and the
 * older is dropped whole. Evicting one oldest entry per new statement instead cost 3-8 µs a time
 * (a Map iterator skips every deleted slot at its front), paid by every fresh fan's statement.
 */
export function verifiedStatementMemo(
  maxEntries: number = VERIFIED_STATEMENT_MEMO_SIZE,
): VerifiedStatementMemo {
  const generationSize = Math.max(1, Math.floor(maxEntries / 2));
  let newer = new Map<string, CallerStatement>();
  let older = new Map<string, CallerStatement>();
  return {
    recall(text, now) {
      const statement = newer.get(text) ?? older.get(text);
      if (statement === undefined) return undefined;
      if (Math.floor(now / 1000) < statement.exp) return statement;
      newer.delete(text);
      older.delete(text);
      return undefined;
    },
    remember(text, statement) {
      if (newer.size >= generationSize) {
        older = newer;
        newer = new Map();
      }
      // Shared by every request that presents the text: no route may change it for the next.
      newer.set(text, Object.freeze(statement));
    },
    get size() {
      return newer.size + older.size;
    },
  };
}
