// Readies this machine's infrastructure for one service image's run and prints the environment
// the container gets, one KEY=VALUE a line: `node deploy/bin/image-env.mjs <service> <port-base>`.
// A service with a database gets a fresh one (headliner_<service>_image, owned by its role, no
// tables yet), so the image's own `prisma migrate deploy` is what creates them. The rest is what
// `npm start` gives the service (tools/system), minus the host's own variables, with the Kafka ACLs
// and Redis users `npm start` grants first.
import pg from 'pg';
import {
  databaseOf,
  databaseUrlAs,
  ensureDatabaseRoles,
  handDatabaseTo,
  localSystemEnv,
  roleOf,
  serviceEnv,
} from '@headliner/system';
import { grantLocalSystemAcls } from '@headliner/system/dist/kafka-namespace.js';
import { ensureRedisUsers } from '@headliner/system/dist/redis-users.js';

const [service, portBase] = process.argv.slice(2);
if (!service || !portBase) {
  console.error('usage: node deploy/bin/image-env.mjs <service> <port-base>');
  process.exit(2);
}
const serviceSettings =
  /^(HEADLINER_|KAFKA|REDIS_|DATABASE_|RECONCILE_|JWT_|INTERNAL_AUTH_|QUEUE_|ADMIN_|LOG_|OTEL_)|^(PORT|MANAGEMENT_PORT)$|_URL$/;

async function freshDatabase(name) {
  const client = new pg.Client({ connectionString: process.env.POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

const system = { ...localSystemEnv(), portBase: Number(portBase), reconciliation: false };
const env = { ...serviceEnv(service, system), LOG_FORMAT: undefined };
await grantLocalSystemAcls();
if (system.redisUsers) await ensureRedisUsers(system.env.REDIS_URL, system.redisUsers);
if (env.DATABASE_URL) {
  const database = databaseOf(service, '_image');
  await ensureDatabaseRoles();
  await freshDatabase(database);
  await handDatabaseTo(database, service);
  env.DATABASE_URL = databaseUrlAs(database, roleOf(service));
}
for (const [key, value] of Object.entries(env)) {
  if (value !== undefined && serviceSettings.test(key)) console.log(`${key}=${value}`);
}
