import { wonOf } from '@headliner/contracts';
import type { SqlStatements } from '@headliner/platform/database';

/** A user who never charged has no wallet row yet, and a balance of 0. */
export async function balanceOf(db: SqlStatements, userId: string): Promise<number> {
  const [wallet] = await db.$queryRaw<{ balance: string }[]>`
    SELECT balance FROM wallets WHERE user_id = ${userId}::uuid`;
  return wallet ? wonOf(wallet.balance) : 0;
}
