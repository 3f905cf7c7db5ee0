/**
 * PostgreSQL matches UUIDs in any case but Redis keys do not, and events always carry lower case:
 * an upper-case id in a URL would otherwise fill a cache entry that no event ever updates.
 */
export function canonical(id: string): string {
  return id.toLowerCase();
}
