import type { PrismaClient } from '../generated/prisma/client';

/** A user who never charged has no wallet row yet, and a balance of 0. */
export async function balanceOf(prisma: PrismaClient, userId: string): Promise<number> {
  const wallet = await prisma.wallet.findUnique({ where: { userId }, select: { balance: true } });
  return Number(wallet?.balance ?? 0n);
}
