// What a login costs at the gateway's password-hash parameters: CPU milliseconds per scrypt,
// then whole logins through the real app (PostgreSQL, Redis, the HTTP stack) with the CPU they
// take, hash threads included, turned into logins per second per core. Run from
// services/gateway with the template migrated and the infrastructure's URLs set:
//   set -a; . ../../.local/infra.env; set +a
//   UV_THREADPOOL_SIZE=1 npx tsx bench/login-cost.ts [logins]
import type { AddressInfo } from 'node:net';
import { createLogger, createRedis } from '@headliner/platform';
import { createPgPool, sqlDatabase } from '@headliner/platform/database';
import { createTestDatabase, infraUrl, testInternalAuthSecret } from '@headliner/testing';
import { createApp } from '../src/app';
import { loadGatewayConfig } from '../src/config';
import { hashPassword, type HashParameters } from '../src/domain/password-hash';

const logins = Number(process.argv[2] ?? 40);
const PASSWORD = 'correct-horse-battery';

const rows: [string, HashParameters][] = [
  ['N=2^15 r=8 p=3 (default)', { cost: 2 ** 15, parallelism: 3 }],
  ['N=2^17 r=8 p=1', { cost: 2 ** 17, parallelism: 1 }],
  ['N=2^16 r=8 p=2', { cost: 2 ** 16, parallelism: 2 }],
  ['N=2^14 r=8 p=5', { cost: 2 ** 14, parallelism: 5 }],
  ['N=2^14 r=8 p=1 (before)', { cost: 2 ** 14, parallelism: 1 }],
  ['N=2^10 r=8 p=1 (tests, seeds of load tests)', { cost: 2 ** 10, parallelism: 1 }],
];

/** CPU (not wall) milliseconds, so other work on a shared machine does not count. */
async function cpuMsPerHash(parameters: HashParameters, hashes = 5): Promise<number> {
  await hashPassword(PASSWORD, parameters); // warm-up
  const before = process.cpuUsage();
  for (let i = 0; i < hashes; i += 1) await hashPassword(PASSWORD, parameters);
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000 / hashes;
}

async function loginThroughput() {
  const database = await createTestDatabase('headliner_gateway_template');
  const pool = createPgPool(database.url, 10);
  const logger = createLogger({ service: 'gateway-bench', level: 'silent' });
  const redis = createRedis(infraUrl('REDIS_URL'), 'request', {
    name: 'bench',
    commandTimeoutMs: 1000,
    logger,
  });
  const config = loadGatewayConfig({
    DATABASE_URL: database.url,
    REDIS_URL: infraUrl('REDIS_URL'),
    JWT_SECRET: 'bench-secret-of-at-least-thirty-two-characters',
    INTERNAL_AUTH_SECRET: testInternalAuthSecret,
    ADMIN_PASSWORD: 'bench-admin-password',
    HEADLINER_MODE: 'local',
    RATE_LIMIT_KEY_PREFIX: `bench:${Date.now()}:`,
  });
  const server = createApp({ config, logger, db: sqlDatabase(pool), redis }).listen(0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/auth`;
  const post = (path: string, body: object) =>
    fetch(`${url}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  try {
    const username = `bench_${Date.now()}`;
    await post('signup', { username, password: PASSWORD });
    await post('login', { username, password: PASSWORD }); // warm-up
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < logins; i += 1) {
      const response = await post('login', { username, password: PASSWORD });
      if (response.status !== 200) throw new Error(`login answered ${response.status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMsPerLogin = (cpu.user + cpu.system) / 1000 / logins;
    return { loginsPerSecond: logins / seconds, cpuMsPerLogin };
  } finally {
    server.close();
    redis.disconnect();
    await pool.end();
    await database.drop();
  }
}

async function main() {
  for (const [name, parameters] of rows) {
    console.log(`${name}: ${(await cpuMsPerHash(parameters)).toFixed(1)} ms CPU per hash`);
  }
  const { loginsPerSecond, cpuMsPerLogin } = await loginThroughput();
  console.log(
    `login at the defaults, ${logins} in a row: ${loginsPerSecond.toFixed(1)} logins/s, ` +
      `${cpuMsPerLogin.toFixed(1)} ms CPU per login = ${(1000 / cpuMsPerLogin).toFixed(1)} logins/s per core`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
