import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

/**
 * `poolSize` connections (pg's default is 10): the payment saga consumer alone keeps up to 8
 * transactions open, and charges need some besides.
 */
export function createPrisma(databaseUrl: string, poolSize = 20): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }),
  });
}
