import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl } from '@headliner/testing';
import { repositoryRoot } from './repository';
import type { SystemEnv } from './service-env';
import { databaseOf, perDatabaseOwner } from './services';

export const LOCAL_ADMIN = { username: 'admin', password: 'headliner-admin' };

/** A JWT secret made once per checkout and kept under .local/, never committed. */
function localJwtSecret(): string {
  const file = path.join(repositoryRoot, '.local/jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The system `npm start` runs on this machine: the infrastructure of .local/infra.env, the
 * headliner_* databases, ports from PORT_BASE (8080), and local defaults. Anything already set
 * in the environment wins, so the same scripts run against managed infrastructure.
 */
export function localSystemEnv(): SystemEnv {
  return {
    portBase: Number(process.env.PORT_BASE ?? 8080),
    reconciliation: true,
    databaseUrls: perDatabaseOwner((owner) => databaseUrl(databaseOf(owner))),
    env: {
      JWT_SECRET: localJwtSecret(),
      ADMIN_USERNAME: LOCAL_ADMIN.username,
      ADMIN_PASSWORD: LOCAL_ADMIN.password,
      LOG_FORMAT: 'pretty',
      ...process.env,
    },
  };
}
