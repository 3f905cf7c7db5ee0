import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

/**
 * The service's connections, `poolSize` of them (pg's default is 10): the payment saga consumer
 * alone keeps up to 8 transactions open, and charges need some besides.
 */
export function createPool(databaseUrl: string, poolSize = 20): Pool {
  return new Pool({ connectionString: databaseUrl, max: poolSize });
}

/**
 * Prisma over the given pool (which whoever made it ends), or over a pool of its own, which
 * `$disconnect()` ends.
 */
export function createPrisma(database: string | Pool, poolSize = 20): PrismaClient {
  const pool =
    typeof database === 'string' ? { connectionString: database, max: poolSize } : database;
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
