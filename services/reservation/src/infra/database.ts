import {
  createPgPool,
  sqlDatabase,
  type SqlDatabase,
  type SqlDatabaseOptions,
  type SqlTransaction,
} from '@headliner/platform/database';

export type Transaction = SqlTransaction;
export type Database = SqlDatabase & { $disconnect(): Promise<void> };

export interface DatabaseOptions extends SqlDatabaseOptions {
  /** Connections (pg's default is 10; this service's 20). */
  poolSize?: number;
}

/**
 * The service's SQL runs on pg: its holds, payments and wallet answers are a transaction apiece,
 * and bench/hold-contention.ts used a third of the CPU once they ran on pg rather than through
 * Prisma's client. 20 connections by default: the payment answer consumer alone keeps up to 8
 * transactions open, and on sale day bursts of holds queue for one besides.
 */
export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = createPgPool(url, options.poolSize ?? 20, { logger: options.logger });
  return { ...sqlDatabase(pool, options), $disconnect: () => pool.end() };
}
