import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl } from '@headliner/testing';
import { repositoryRoot } from './repository';
import type { SystemEnv } from './service-env';
import { databaseOf, perDatabaseOwner } from './services';

export const LOCAL_ADMIN = { username: 'admin', password: 'headliner-admin' };

/**
 * A secret made once per checkout and kept under .local/ (e.g. .local/jwt-secret), never
 * committed. Deleting the file rotates it at the next start.
 */
function localSecret(name: 'jwt-secret' | 'internal-auth-secret'): string {
  const file = path.join(repositoryRoot, '.local', name);
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
      HEADLINER_MODE: 'local',
      JWT_SECRET: localSecret('jwt-secret'),
      INTERNAL_AUTH_SECRET: localSecret('internal-auth-secret'),
      ADMIN_USERNAME: LOCAL_ADMIN.username,
      ADMIN_PASSWORD: LOCAL_ADMIN.password,
      LOG_FORMAT: 'pretty',
      ...process.env,
    },
  };
}
