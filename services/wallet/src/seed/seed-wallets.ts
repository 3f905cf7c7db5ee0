import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';

/**
 * Opens a wallet with a starting balance for each user that has none, through a CHARGE ledger
 * entry like any other, so "balances + payments = charges" holds for seeded money too.
 */
export async function seedWallets(
  prisma: PrismaClient,
  options: { userIds: string[]; balance: number },
): Promise<number> {
  const existing = new Set(
    (await prisma.wallet.findMany({ select: { userId: true } })).map((wallet) => wallet.userId),
  );
  const newcomers = options.userIds.filter((userId) => !existing.has(userId));
  const balance = BigInt(options.balance);
  for (let start = 0; start < newcomers.length; start += 5_000) {
    const batch = newcomers.slice(start, start + 5_000);
    // Seeding runs while the machine boots everything else: a connection may take a while.
    await prisma.$transaction(
      async (tx) => {
        await tx.wallet.createMany({ data: batch.map((userId) => ({ userId, balance })) });
        await tx.ledgerEntry.createMany({
          data: batch.map((userId) => ({
            id: randomUUID(),
            userId,
            kind: 'CHARGE' as const,
            amount: balance,
            reference: 'seed',
            balanceAfter: balance,
          })),
        });
      },
      { maxWait: 60_000, timeout: 5 * 60_000 },
    );
  }
  return newcomers.length;
}
