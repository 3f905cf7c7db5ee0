import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';
import { hashPassword, type HashParameters } from '../domain/password-hash';

export interface SeededUser {
  userId: string;
  username: string;
}

/**
 * Demo and load-test accounts user1 … userN, all with one password. They share one scrypt
 * hash: hashing 10,000 passwords one by one would take minutes, and these accounts are
 * test data, never real people. Existing accounts are kept as they are. Give them the gateway's
 * parameters, or each one's first login renews its hash (one more scrypt).
 */
export async function seedUsers(
  prisma: PrismaClient,
  options: { count: number; password: string; hashing: HashParameters },
): Promise<SeededUser[]> {
  const passwordHash = await hashPassword(options.password, options.hashing);
  const usernames = Array.from({ length: options.count }, (_, i) => `user${i + 1}`);
  for (let start = 0; start < usernames.length; start += 5_000) {
    await prisma.user.createMany({
      data: usernames
        .slice(start, start + 5_000)
        .map((username) => ({ id: randomUUID(), username, passwordHash })),
      skipDuplicates: true,
    });
  }
  const users = await prisma.user.findMany({
    where: { username: { in: usernames } },
    select: { id: true, username: true },
  });
  return users.map((user) => ({ userId: user.id, username: user.username }));
}
