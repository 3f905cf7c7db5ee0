import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type Database = PrismaClient;
export type Transaction = Prisma.TransactionClient;

/**
 * The pool keeps pg's default size (10). On sale day bursts of holds queue for a connection, so
 * a transaction may wait longer for one than Prisma's default 2 s before it gives up.
 */
export function createDatabase(url: string): Database {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    transactionOptions: { maxWait: 10_000, timeout: 10_000 },
  });
}
