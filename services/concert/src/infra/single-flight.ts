/**
 * Shares one load among the concurrent callers of the same key, so a cache miss on a hot seat map
 * costs this replica one database query however many fans asked at that moment.
 */
export function singleFlight() {
  const inFlight = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const running = inFlight.get(key);
    if (running) return running as Promise<T>;
    const started = load().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
