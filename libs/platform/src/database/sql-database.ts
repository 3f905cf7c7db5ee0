import type { BookingEvent } from '@headliner/contracts';
import { sqltag } from '@prisma/client/runtime/client';
import { Pool, types, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { createLogger } from '../logging/logger';
import { appendToOutbox, outboxMessageOf } from '../messaging/outbox';
import type {
  EventsCommittedSignal,
  SqlClient,
  TransactionalSqlClient,
} from '../messaging/sql-client';
import { committedWork } from './committed-work';
import { watchPoolMetrics } from './pool-metrics';

/**
 * SQL written as Prisma's tagged templates (values bound as parameters, `Prisma.sql` fragments
 * nested), run by pg. Prisma keeps the schemas and their migrations; the hot paths skip its
 * client, whose interactive transactions cost several times pg's CPU (services/reservation/
 * bench/hold-contention.ts, services/wallet/bench/query-paths.ts). Results are pg's: bigint and
 * numeric columns come back as strings.
 */
export interface SqlStatements extends SqlClient {
  $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

export interface SqlTransaction extends SqlStatements {
  /**
   * Queues the event in the outbox, committed or rolled back with this transaction: on the topic
   * the contracts' registry gives its type (under the database's Kafka namespace), keyed as the
   * registry says. The outbox relay sends it as soon as the transaction commits.
   */
  publish(event: BookingEvent): Promise<void>;
  /**
   * Runs `work` once this transaction committed, never after a rollback: e.g. telling a waiting
   * request or updating a cache, which must not show a change the database then undid. A failure
   * is logged, not thrown: the transaction's effect stands.
   */
  afterCommit(work: () => unknown): void;
}

/** Transactions take no timeout of their own: each statement's bounds them (see createPgPool). */
export type SqlDatabase = SqlStatements &
  TransactionalSqlClient<SqlTransaction> &
  EventsCommittedSignal;

export interface SqlDatabaseOptions {
  /** KAFKA_NAMESPACE: put in front of the registry's topic of every event published. */
  kafkaNamespace?: string;
  /** Where failed after-commit work is reported. */
  logger?: Logger;
}

// Prisma's DateTime columns without a time zone hold UTC; pg would read them as local time.
const timestampWithoutTimeZone = 1114;
const asUtc = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);

export interface PgPoolOptions {
  logger?: Logger;
  /** The pool's label in the pg_pool_* metrics (default `main`): a short fixed word. */
  name?: string;
}

/**
 * `poolSize` connections; a caller waits up to 10 s for one, and a statement, a lock wait
 * included, gives up after 10 s.
 */
export function createPgPool(
  url: string,
  poolSize: number,
  { logger, name = 'main' }: PgPoolOptions = {},
): Pool {
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 10_000,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === timestampWithoutTimeZone ? asUtc : types.getTypeParser(oid, format),
    },
  });
  // The pool drops a connection that breaks while idle and opens another when next needed.
  pool.on('error', (error) => logger?.warn({ err: error }, 'idle database connection lost'));
  watchPoolMetrics(pool, name, poolSize);
  return pool;
}

export function sqlDatabase(pool: Pool, options: SqlDatabaseOptions = {}): SqlDatabase {
  const namespace = options.kafkaNamespace ?? '';
  const logger = options.logger ?? createLogger({ service: 'database' });
  const eventsCommitted = new Set<() => void>();

  const inTransaction = async <T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> => {
    const afterCommit = committedWork(logger);
    let published = false;
    const result = await onOneConnection(pool, (client) => {
      const statements = sqlOn(client);
      return work({
        ...statements,
        publish: async (event) => {
          await appendToOutbox(statements, outboxMessageOf(event, namespace));
          published = true;
        },
        afterCommit: afterCommit.add,
      });
    });
    if (published) for (const listener of eventsCommitted) listener();
    await afterCommit.run();
    return result;
  };

  return {
    ...sqlOn(pool),
    $transaction: inTransaction,
    onEventsCommitted: (listener) => {
      eventsCommitted.add(listener);
      return () => eventsCommitted.delete(listener);
    },
  };
}

function sqlOn(connection: Pool | PoolClient): SqlStatements {
  const run = (text: string, values: unknown[]) => connection.query(text, values);
  const tagged = (strings: TemplateStringsArray, values: unknown[]) => {
    const query = sqltag(strings, ...values);
    return run(query.text, query.values);
  };
  return {
    $queryRaw: async <T>(strings: TemplateStringsArray, ...values: unknown[]) =>
      (await tagged(strings, values)).rows as T,
    $executeRaw: async (strings, ...values) => (await tagged(strings, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
      (await run(query, values)).rows as T,
    $executeRawUnsafe: async (query, ...values) => (await run(query, values)).rowCount ?? 0,
  };
}

/** BEGIN, the work, then COMMIT, or ROLLBACK if anything threw, on one pooled connection. */
async function onOneConnection<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client whose server goes away emits 'error' as well as failing its query; with
  // no listener that event would end the process (the pool listens only to idle clients).
  const connectionLost = (error: Error) => (broken = error);
  client.on('error', connectionLost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.off('error', connectionLost);
    // A connection that broke or could not even roll back is closed rather than handed out again.
    client.release(broken);
  }
}
