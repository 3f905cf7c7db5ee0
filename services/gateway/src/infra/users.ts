import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
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
}

export function prismaUsers(prisma: PrismaClient): Users {
  return {
    async create(username, passwordHash) {
      const id = randomUUID();
      try {
        // No look-up first: two signups racing for one name would both pass it. The index decides.
        await prisma.user.create({ data: { id, username, passwordHash } });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw new UsernameTaken(username);
        }
        throw error;
      }
      return id;
    },
    async find(username) {
      const user = await prisma.user.findUnique({
        where: { username },
        select: { id: true, passwordHash: true },
      });
      return user ?? undefined;
    },
  };
}
