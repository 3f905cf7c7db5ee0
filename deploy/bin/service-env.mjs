// The environment each service gets on this machine: the infrastructure URLs from
// .local/infra.env plus local defaults. Anything already set in the environment wins, so the
// same scripts run against managed infrastructure.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl, services } from './services.mjs';

export const LOCAL_ADMIN = { username: 'admin', password: 'headliner-admin' };

/** A JWT secret made once per checkout and kept under .local/, never committed. */
function localJwtSecret(root) {
  const file = path.join(root, '.local/jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

// The reservation service's scheduled reconciliation reads the wallet's and the catalogue's
// databases; production gives it read-only roles or replicas.
const reconciliationEnv = () => ({
  RECONCILE_WALLET_DATABASE_URL:
    process.env.RECONCILE_WALLET_DATABASE_URL ?? databaseUrl('headliner_wallet'),
  RECONCILE_CONCERT_DATABASE_URL:
    process.env.RECONCILE_CONCERT_DATABASE_URL ?? databaseUrl('headliner_concert'),
});

export function serviceEnv(root, name, overrides = {}) {
  const service = services.find((candidate) => candidate.name === name);
  const url = (other) => `http://127.0.0.1:${services.find((s) => s.name === other).port}`;
  return {
    ...process.env,
    PORT: String(service.port),
    ...(service.database ? { DATABASE_URL: databaseUrl(service.database) } : {}),
    JWT_SECRET: process.env.JWT_SECRET ?? localJwtSecret(root),
    ADMIN_USERNAME: process.env.ADMIN_USERNAME ?? LOCAL_ADMIN.username,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? LOCAL_ADMIN.password,
    QUEUE_URL: process.env.QUEUE_URL ?? url('queue'),
    CONCERT_URL: process.env.CONCERT_URL ?? url('concert'),
    RESERVATION_URL: process.env.RESERVATION_URL ?? url('reservation'),
    WALLET_URL: process.env.WALLET_URL ?? url('wallet'),
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    ...(name === 'reservation' ? reconciliationEnv() : {}),
    ...overrides,
  };
}
