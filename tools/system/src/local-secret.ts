import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './repository';

/**
 * A secret made once per checkout and kept under .local/ (e.g. .local/jwt-secret, or
 * .local/secrets/kafka-wallet, which deploy/infra/infra.sh writes the same way), never
 * committed. Deleting the file rotates it at the next start.
 */
export function localSecret(name: string): string {
  const file = path.join(repositoryRoot, '.local', name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
