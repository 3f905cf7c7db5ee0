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
    await prisma.$transaction([
      prisma.wallet.createMany({ data: batch.map((userId) => ({ userId, balance })) }),
      prisma.ledgerEntry.createMany({
        data: batch.map((userId) => ({
          id: randomUUID(),
          userId,
          kind: 'CHARGE' as const,
          amount: balance,
          reference: 'seed',
          balanceAfter: balance,
        })),
      }),
    ]);
  }
  return newcomers.length;
}
