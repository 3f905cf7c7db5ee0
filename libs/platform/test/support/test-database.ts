import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

const migrations = path.join(__dirname, '../prisma/migrations');

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.POSTGRES_URL;
  if (!url) throw new Error('POSTGRES_URL is not set: run `npm run infra -- up` first');
  return url;
}

async function admin<T>(fn: (client: Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(serverUrl());
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database per test file with the stand-in schema's migrations applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `platform_test_${randomUUID().replaceAll('-', '')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  await admin(async (client) => {
    for (const migration of readdirSync(migrations)
      .filter((entry) => /^\d/.test(entry))
      .sort()) {
      await client.query(readFileSync(path.join(migrations, migration, 'migration.sql'), 'utf8'));
    }
  }, name);
  const url = Object.assign(new URL(serverUrl()), { pathname: `/${name}` }).toString();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await admin((client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}
