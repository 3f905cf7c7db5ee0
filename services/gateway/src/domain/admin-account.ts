import { createHash } from 'node:crypto';

// Never change: the admin's userId is derived from it, and services store that id.
const ADMIN_ID_NAMESPACE = Buffer.from('0b9f6c1e5a3d4f2e8c7b1a6d9e4f3c20', 'hex');

/**
 * The admin's userId when none is configured: a name-based (version 5) UUID of the admin's
 * username, so it stays the same across restarts and replicas without a database row.
 */
export function adminUserIdOf(username: string): string {
  const bytes = createHash('sha1')
    .update(ADMIN_ID_NAMESPACE)
    .update(`admin:${username}`, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
