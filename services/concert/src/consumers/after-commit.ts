import type { TransactionalSqlClient } from '@headliner/platform';
import type { SqlDatabase, SqlTransaction } from '@headliner/platform/database';

export type Tx = SqlTransaction;
type Effect = () => Promise<void>;

/**
 * The database for the inbox consumer, plus `afterCommit(tx, effect)`: work to run once that
 * transaction committed, such as updating the cache, which must never show a change the database
 * then rolled back. An effect that fails is the effect's own business: the event is applied.
 */
export function withAfterCommit(sql: SqlDatabase) {
  const effectsOf = new WeakMap<Tx, Effect[]>();

  const db: TransactionalSqlClient<Tx> = {
    $executeRawUnsafe: (query, ...values) => sql.$executeRawUnsafe(query, ...values),
    $queryRawUnsafe: (query, ...values) => sql.$queryRawUnsafe(query, ...values),
    async $transaction(work) {
      const effects: Effect[] = [];
      const result = await sql.$transaction((tx) => {
        effectsOf.set(tx, effects);
        return work(tx);
      });
      for (const effect of effects) await effect();
      return result;
    },
  };

  const afterCommit = (tx: Tx, effect: Effect): void => {
    const effects = effectsOf.get(tx);
    if (!effects) throw new Error('afterCommit needs a transaction begun by this database');
    effects.push(effect);
  };

  return { db, afterCommit };
}
