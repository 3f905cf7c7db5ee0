import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type Database = PrismaClient;
export type Transaction = Prisma.TransactionClient;

/**
 * `poolSize` connections (pg's default is 10): the payment answer consumer alone keeps up to 8
 * transactions open, and on sale day bursts of holds queue for a connection besides, so a
 * transaction may also wait longer for one than Prisma's default 2 s before it gives up.
 */
export function createDatabase(url: string, poolSize = 20): Database {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize }),
    transactionOptions: { maxWait: 10_000, timeout: 10_000 },
  });
}
