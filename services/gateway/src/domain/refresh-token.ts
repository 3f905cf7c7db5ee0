import { createHash, randomBytes } from 'node:crypto';

/**
 * A refresh token is 32 random bytes (base64url); the database keeps only its SHA-256. Unlike a
 * password it cannot be guessed, so a fast hash is enough: a leaked table signs no one in.
 */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: refreshTokenHash(token) };
}

export function refreshTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
