// CPU per query of the wallet's hot path through Prisma and through pg on the same pool, against
// the real PostgreSQL: why charges and balance reads query pg directly. Run from services/wallet,
// with the template migrated and POSTGRES_URL set (`set -a; . ../../.local/infra.env`):
//   npx tsx bench/query-paths.ts [queries]
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@headliner/testing';
import { createPgPool } from '@headliner/platform/database';
import { createPrisma } from '../src/seed/prisma';

const queries = Number(process.argv[2] ?? 3000);

async function cpuPerCall(call: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < queries; i += 1) await call();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / queries;
}

async function main() {
  const database = await createTestDatabase('headliner_wallet_template');
  const pool = createPgPool(database.url, 5);
  const prisma = createPrisma(pool);
  try {
    const userId = randomUUID();
    await pool.query('INSERT INTO wallets (user_id, balance, updated_at) VALUES ($1, 5, now())', [
      userId,
    ]);
    const paths: Record<string, () => Promise<unknown>> = {
      'balance read, Prisma findUnique': () =>
        prisma.wallet.findUnique({ where: { userId }, select: { balance: true } }),
      'balance read, Prisma $queryRaw': () =>
        prisma.$queryRaw`SELECT balance FROM wallets WHERE user_id = ${userId}::uuid`,
      'balance read, pg': () =>
        pool.query('SELECT balance FROM wallets WHERE user_id = $1::uuid', [userId]),
      'two-statement transaction, Prisma': () =>
        prisma.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await tx.$queryRaw`SELECT 2`;
        }),
      'two-statement transaction, pg': async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('SELECT 1');
          await client.query('SELECT 2');
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      },
    };
    console.log(`${queries} calls each, after a warm-up round\n`);
    console.log('path | µs of CPU per call');
    console.log('---|---');
    for (const call of Object.values(paths)) await cpuPerCall(call);
    for (const [name, call] of Object.entries(paths)) {
      console.log(`${name} | ${(await cpuPerCall(call)).toFixed(0)}`);
    }
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await database.drop();
  }
}

void main();
