import type { Logger, SqlClient, TransactionalSqlClient } from '@headliner/platform';
import { Pool, types, type PoolClient } from 'pg';
import { Prisma } from '../generated/prisma/client';

/**
 * SQL written as Prisma's tagged templates (values bound as parameters, `Prisma.sql` fragments
 * nested), run by pg. Prisma keeps the schema and its migrations; the queries skip its client:
 * a hold, a payment and each wallet answer are a transaction apiece, and bench/hold-contention.ts
 * used a third of the CPU once its transactions ran on pg rather than through Prisma's client.
 */
export interface Transaction extends SqlClient {
  $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

export interface Database extends Transaction, TransactionalSqlClient<Transaction> {
  $disconnect(): Promise<void>;
}

// Prisma's DateTime columns without a time zone hold UTC; pg would read them as local time.
const timestampWithoutTimeZone = 1114;
const asUtc = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);

/**
 * `poolSize` connections (pg's default is 10): the payment answer consumer alone keeps up to 8
 * transactions open, and on sale day bursts of holds queue for a connection besides, for up to
 * 10 s. Transactions take no timeout of their own (the outbox relay's is ignored here): each
 * statement, a lock wait included, gives up after 10 s instead.
 */
export function createDatabase(url: string, poolSize = 20, logger?: Logger): Database {
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
  return {
    ...sqlOn(pool),
    $transaction: (work) => inTransaction(pool, work),
    $disconnect: () => pool.end(),
  };
}

function sqlOn(connection: Pool | PoolClient): Transaction {
  const run = (text: string, values: unknown[]) => connection.query(text, values);
  const tagged = (strings: TemplateStringsArray, values: unknown[]) => {
    const query = Prisma.sql(strings, ...values);
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

async function inTransaction<T>(pool: Pool, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(sqlOn(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that could not even roll back is closed rather than handed out again.
    client.release(broken);
  }
}
