import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

/**
 * Prisma over the given pool (which whoever made it ends), or over a pool of its own, which
 * `$disconnect()` ends. The service itself runs its SQL on pg (main.ts); the seed and the
 * tests' reads use Prisma.
 */
export function createPrisma(database: string | Pool, poolSize = 20): PrismaClient {
  const pool =
    typeof database === 'string' ? { connectionString: database, max: poolSize } : database;
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
