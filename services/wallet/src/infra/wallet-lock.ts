import type { SqlTransaction } from '@headliner/platform/database';

/**
 * Locks the user's wallet row until commit; false when the user has no wallet. The debit and the
 * cancellation of a payment both begin here, so whichever comes second sees what the first did:
 * a cancellation finds the debit to refund, a request finds the cancellation and debits nothing.
 */
export async function lockWallet(tx: SqlTransaction, userId: string): Promise<boolean> {
  const locked = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM wallets WHERE user_id = ${userId}::uuid FOR UPDATE`;
  return locked.length > 0;
}

/**
 * Locks the user's wallet row, opening an empty one if the user has none, so there is always a
 * row to queue on: without it, a first charge landing between a cancellation and a debit of the
 * same payment could let the debit through unseen by the cancellation.
 */
export async function lockOrOpenWallet(tx: SqlTransaction, userId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO wallets (user_id, balance, updated_at) VALUES (${userId}::uuid, 0, now())
    ON CONFLICT (user_id) DO NOTHING`;
  await lockWallet(tx, userId);
}
