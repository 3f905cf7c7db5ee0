import type { TransactionalSqlClient } from '@headliner/platform';
import type { Database, Transaction } from './database';

/**
 * The database as the inbox consumer sees it, waking the outbox relay after each committed
 * transaction, so the events a consumed event causes go out at once rather than at the relay's
 * next idle tick.
 */
export function relayWakingDatabase(
  db: Database,
  relay: { wake(): void },
): TransactionalSqlClient<Transaction> {
  return {
    $executeRawUnsafe: (query, ...values) => db.$executeRawUnsafe(query, ...values),
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) =>
      db.$queryRawUnsafe<T>(query, ...values),
    $transaction: async (work) => {
      const result = await db.$transaction(work);
      relay.wake();
      return result;
    },
  };
}
