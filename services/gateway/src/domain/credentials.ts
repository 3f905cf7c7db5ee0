import { randomBytes } from 'node:crypto';
import type { Caller } from './caller';
import { hashPassword } from './password-hash';
import type { PasswordHashing } from './password-hashing';

export interface StoredUser {
  id: string;
  passwordHash: string;
}

export interface CredentialCheckOptions {
  admin: { username: string; userId: string; password: string };
  findUser(username: string): Promise<StoredUser | undefined>;
  /** Swaps an outdated hash for one at today's parameters, unless the hash changed meanwhile. */
  replaceHash(userId: string, outdated: string, renewed: string): Promise<void>;
  hashing: PasswordHashing;
}

/**
 * Who a username and password sign in as, or undefined when they do not match an account.
 * Runs within a hash slot (PasswordHashing.inSlot).
 */
export type CredentialCheck = (username: string, password: string) => Promise<Caller | undefined>;

/**
 * The admin account lives in configuration, not in the users table. Every attempt runs exactly one
 * scrypt: against the admin's hash, the user's, or a dummy one for an unknown name, so the answer
 * time does not tell which usernames exist. A user's hash made with older parameters is renewed
 * at the first login that proves the password.
 */
export function credentialCheck(options: CredentialCheckOptions): CredentialCheck {
  const { admin, findUser, replaceHash, hashing } = options;
  // Made once at start, outside the hash slots: no request waits on them.
  const adminHash = hashPassword(admin.password, hashing.parameters);
  const dummyHash = hashPassword(randomBytes(16).toString('hex'), hashing.parameters);

  return async (username, password) => {
    if (username === admin.username) {
      const matches = await hashing.verify(password, await adminHash);
      return matches ? { userId: admin.userId, role: 'admin' } : undefined;
    }
    const user = await findUser(username);
    const matches = await hashing.verify(password, user?.passwordHash ?? (await dummyHash));
    if (!user || !matches) return undefined;
    if (hashing.isOutdated(user.passwordHash)) {
      await replaceHash(user.id, user.passwordHash, await hashing.hash(password));
    }
    return { userId: user.id, role: 'user' };
  };
}
