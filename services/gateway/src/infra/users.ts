import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type SqlStatements } from '@headliner/platform/database';
import type { StoredUser } from '../domain/credentials';

/** The unique index on username said no: someone has the name already. */
export class UsernameTaken extends Error {
  constructor(readonly username: string) {
    super(`The username ${username} is taken`);
    this.name = 'UsernameTaken';
  }
}

export interface Users {
  /** Stores a new account and returns its userId; throws UsernameTaken. */
  create(username: string, passwordHash: string): Promise<string>;
  find(username: string): Promise<StoredUser | undefined>;
  /** Swaps the hash only if it is still `outdated`: a password changed meanwhile stays. */
  replaceHash(userId: string, outdated: string, renewed: string): Promise<void>;
}

export function sqlUsers(db: SqlStatements): Users {
  return {
    async create(username, passwordHash) {
      const id = randomUUID();
      try {
        // No look-up first: two signups racing for one name would both pass it. The index decides.
        await db.$executeRaw`
          INSERT INTO users (id, username, password_hash)
          VALUES (${id}::uuid, ${username}, ${passwordHash})`;
      } catch (error) {
        if (isUniqueViolation(error)) throw new UsernameTaken(username);
        throw error;
      }
      return id;
    },
    async find(username) {
      const [user] = await db.$queryRaw<StoredUser[]>`
        SELECT id, password_hash AS "passwordHash" FROM users WHERE username = ${username}`;
      return user;
    },
    async replaceHash(userId, outdated, renewed) {
      await db.$executeRaw`
        UPDATE users SET password_hash = ${renewed}
        WHERE id = ${userId}::uuid AND password_hash = ${outdated}`;
    },
  };
}
