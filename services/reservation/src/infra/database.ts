import {
  createPgPool,
  sqlDatabase,
  type SqlDatabase,
  type SqlTransaction,
} from '@headliner/platform/database';
import type { Logger } from '@headliner/platform';

export type Transaction = SqlTransaction;
export type Database = SqlDatabase & { $disconnect(): Promise<void> };

/**
 * The service's SQL runs on pg: its holds, payments and wallet answers are a transaction apiece,
 * and bench/hold-contention.ts used a third of the CPU once they ran on pg rather than through
 * Prisma's client. `poolSize` connections (pg's default is 10): the payment answer consumer
 * alone keeps up to 8 transactions open, and on sale day bursts of holds queue for one besides.
 */
export function createDatabase(url: string, poolSize = 20, logger?: Logger): Database {
  const pool = createPgPool(url, poolSize, logger);
  return { ...sqlDatabase(pool), $disconnect: () => pool.end() };
}
