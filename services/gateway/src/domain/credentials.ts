import { randomBytes } from 'node:crypto';
import type { Caller } from './caller';
import { hashPassword, verifyPassword } from './password-hash';

export interface StoredUser {
  id: string;
  passwordHash: string;
}

export interface CredentialCheckOptions {
  admin: { username: string; userId: string; password: string };
  findUser(username: string): Promise<StoredUser | undefined>;
  scryptCost: number;
}

/** Who a username and password sign in as, or undefined when they do not match an account. */
export type CredentialCheck = (username: string, password: string) => Promise<Caller | undefined>;

/**
 * The admin account lives in configuration, not in the users table. Every attempt runs exactly one
 * scrypt: against the admin's hash, the user's, or a dummy one for an unknown name, so the answer
 * time does not tell which usernames exist.
 */
export function credentialCheck(options: CredentialCheckOptions): CredentialCheck {
  const { admin, findUser, scryptCost } = options;
  const adminHash = hashPassword(admin.password, scryptCost);
  const dummyHash = hashPassword(randomBytes(16).toString('hex'), scryptCost);

  return async (username, password) => {
    if (username === admin.username) {
      const matches = await verifyPassword(password, await adminHash);
      return matches ? { userId: admin.userId, role: 'admin' } : undefined;
    }
    const user = await findUser(username);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
    return user && matches ? { userId: user.id, role: 'user' } : undefined;
  };
}
