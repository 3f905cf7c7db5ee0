// Creates each service's role and database if missing (as the superuser of POSTGRES_URL), gives
// the database to the role and applies its committed Prisma migrations as that role, so the
// tables are the service's; all services in parallel (the Prisma CLI lingers ~10 s after
// finishing; see README).
// Usage: node deploy/bin/migrate.mjs [--suffix _test]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  databaseOf,
  databaseOwners,
  databaseUrlAs,
  ensureDatabaseRoles,
  handDatabaseTo,
  roleOf,
} from '@headliner/system';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suffixAt = process.argv.indexOf('--suffix');
const suffix = suffixAt > 0 ? process.argv[suffixAt + 1] : '';

async function createDatabase(name) {
  const client = new pg.Client({ connectionString: process.env.POSTGRES_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

function migrateDeploy(service, url) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/prisma'),
      ['migrate', 'deploy', '--config', 'prisma.config.ts'],
      {
        cwd: path.join(root, 'services', service),
        env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`migrations of ${service} failed (exit ${code}):\n${output}`)),
    );
  });
}

await ensureDatabaseRoles();
await Promise.all(
  databaseOwners.map(async (owner) => {
    const database = databaseOf(owner, suffix);
    await createDatabase(database);
    await handDatabaseTo(database, owner);
    await migrateDeploy(owner, databaseUrlAs(database, roleOf(owner)));
    console.log(`migrated ${database}`);
  }),
);
