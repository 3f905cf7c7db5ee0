import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { infraUrl } from './infra-env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function databaseUrl(name: string): string {
  const url = new URL(infraUrl('POSTGRES_URL'));
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(
  fn: (client: Client) => Promise<T>,
  database?: string,
): Promise<T> {
  const client = new Client({
    connectionString: database ? databaseUrl(database) : infraUrl('POSTGRES_URL'),
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database cloned from a migrated template (e.g. headliner_wallet_template, which
 * `npm test` migrates before the suite runs): a real schema per test file in ~100 ms.
 */
export async function createTestDatabase(template: string): Promise<TestDatabase> {
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name} TEMPLATE "${template}"`));
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
