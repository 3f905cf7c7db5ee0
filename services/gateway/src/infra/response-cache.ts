/** An upstream's whole answer, kept to be sent again. */
export interface StoredAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface Entry {
  answer: StoredAnswer;
  storedAt: number;
  expiresAt: number;
}

export type ResponseCache = ReturnType<typeof createResponseCache>;

/**
 * The gateway as a shared cache (a small part of RFC 9111): it keeps a 200 answer for as long as
 * the owning service's Cache-Control allows a shared cache to, and at most `maxEntries` answers,
 * dropping the oldest first. Only answers meant for anyone are offered to it.
 */
export function createResponseCache(maxEntries: number, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  return {
    /** The answer stored under `key` while it is fresh, with its age in whole seconds. */
    fresh(key: string): { answer: StoredAnswer; ageSeconds: number } | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return { answer: entry.answer, ageSeconds: Math.floor((now() - entry.storedAt) / 1000) };
    },

    /** Stores the answer if its status and Cache-Control let a shared cache keep it. */
    offer(key: string, answer: StoredAnswer): void {
      const seconds = sharedMaxAgeSeconds(answer.headers['cache-control']);
      if (answer.statusCode !== 200 || seconds === 0 || answer.headers.vary !== undefined) return;
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { answer, storedAt: now(), expiresAt: now() + seconds * 1000 });
    },
  };
}

/** How long a shared cache may keep an answer with this Cache-Control; 0 when it may not. */
export function sharedMaxAgeSeconds(cacheControl: string | undefined): number {
  const directives = (cacheControl ?? '').toLowerCase().split(',');
  const named = new Map(
    directives.map((directive) => {
      const [name = '', value] = directive.trim().split('=');
      return [name, value] as const;
    }),
  );
  if (!named.has('public') || ['private', 'no-store', 'no-cache'].some((n) => named.has(n))) {
    return 0;
  }
  const seconds = Number(named.get('s-maxage') ?? named.get('max-age'));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : 0;
}
