// The slice of a database client the outbox and inbox need: a service's own Prisma client, or
// sqlDatabase (database/sql-database.ts) over pg, so the platform never depends on a schema.
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

export interface TransactionalSqlClient<Tx extends SqlClient> extends SqlClient {
  $transaction<R>(fn: (tx: Tx) => Promise<R>, options?: { timeout?: number }): Promise<R>;
}

/** A database that says when a transaction that published events has committed (sqlDatabase). */
export interface EventsCommittedSignal {
  /** Calls `listener` after each such commit; the returned function stops it. */
  onEventsCommitted(listener: () => void): () => void;
}
