import type { SqlClient, TransactionalSqlClient } from './sql-client';

/**
 * The database as an inbox consumer sees it, waking the outbox relay after each committed
 * transaction, so the events a consumed event causes go out at once rather than at the relay's
 * next idle tick: the saga's other side is waiting for them.
 */
export function relayWakingDatabase<Tx extends SqlClient>(
  db: TransactionalSqlClient<Tx>,
  relay: { wake(): void },
): TransactionalSqlClient<Tx> {
  return {
    $executeRawUnsafe: (query, ...values) => db.$executeRawUnsafe(query, ...values),
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) =>
      db.$queryRawUnsafe<T>(query, ...values),
    $transaction: async (work, options) => {
      const result = await db.$transaction(work, options);
      relay.wake();
      return result;
    },
  };
}
