import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const BLOCK_SIZE = 8;

/** scrypt's cost N (a power of two) and parallelism p; the block size r is always 8. */
export interface HashParameters {
  cost: number;
  parallelism: number;
}

interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/**
 * Password hashes as `scrypt$N$r$p$salt$hash` (salt and hash in base64url). The parameters travel
 * with each hash, so raising the cost later leaves existing hashes verifiable.
 */
export async function hashPassword(password: string, parameters: HashParameters): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const options = { N: parameters.cost, r: BLOCK_SIZE, p: parameters.parallelism };
  const key = await derive(password, salt, KEY_BYTES, options);
  return [
    'scrypt',
    options.N,
    options.r,
    options.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Whether the password matches the stored hash, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.options);
  return timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash was made with other parameters than today's, so a login renews it. */
export function isOutdated(stored: string, parameters: HashParameters): boolean {
  const options = parseHash(stored)?.options;
  return (
    options === undefined ||
    options.N !== parameters.cost ||
    options.r !== BLOCK_SIZE ||
    options.p !== parameters.parallelism
  );
}

function parseHash(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return undefined;
  const options: ScryptParameters = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(options).every((value) => Number.isSafeInteger(value) && value > 0)) {
    return undefined;
  }
  return { options, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

function derive(password: string, salt: Buffer, length: number, options: ScryptParameters) {
  // Node refuses more than 32 MiB by default; scrypt needs about 128·N·r bytes, so allow double.
  // The p lanes run one after another in Node, so memory does not grow with p.
  const maxmem = 256 * options.N * options.r;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
