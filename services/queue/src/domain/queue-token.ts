import { randomBytes } from 'node:crypto';

/** 128 random bits: unguessable, and never derived from the user id. */
export function newQueueToken(): string {
  return randomBytes(16).toString('base64url');
}
