import { sqltag } from '@prisma/client/runtime/client';
import { Pool, types, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { SqlClient, TransactionalSqlClient } from '../messaging/sql-client';

/**
 * SQL written as Prisma's tagged templates (values bound as parameters, `Prisma.sql` fragments
 * nested), run by pg. Prisma keeps the schemas and their migrations; the hot paths skip its
 * client, whose interactive transactions cost several times pg's CPU (services/reservation/
 * bench/hold-contention.ts, services/wallet/bench/query-paths.ts). Results are pg's: bigint and
 * numeric columns come back as strings.
 */
export interface SqlTransaction extends SqlClient {
  $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

/** Transactions take no timeout of their own: each statement's bounds them (see createPgPool). */
export type SqlDatabase = SqlTransaction & TransactionalSqlClient<SqlTransaction>;

// Prisma's DateTime columns without a time zone hold UTC; pg would read them as local time.
const timestampWithoutTimeZone = 1114;
const asUtc = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);

/**
 * `poolSize` connections; a caller waits up to 10 s for one, and a statement, a lock wait
 * included, gives up after 10 s.
 */
export function createPgPool(url: string, poolSize: number, logger?: Logger): Pool {
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
  return pool;
}

export function sqlDatabase(pool: Pool): SqlDatabase {
  return { ...sqlOn(pool), $transaction: (work) => inTransaction(pool, work) };
}

function sqlOn(connection: Pool | PoolClient): SqlTransaction {
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

async function inTransaction<T>(pool: Pool, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client whose server goes away emits 'error' as well as failing its query; with
  // no listener that event would end the process (the pool listens only to idle clients).
  const connectionLost = (error: Error) => (broken = error);
  client.on('error', connectionLost);
  try {
    await client.query('BEGIN');
    const result = await work(sqlOn(client));
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
