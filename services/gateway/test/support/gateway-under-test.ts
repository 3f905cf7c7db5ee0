import { createLogger, createManagementApp, createRedis } from '@headliner/platform';
import { createPgPool, sqlDatabase } from '@headliner/platform/database';
import {
  createTestDatabase,
  createTestRedis,
  infraUrl,
  testInternalAuthSecret,
  whenRedisReady,
  type TestDatabase,
} from '@headliner/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createApp, gatewayProbes } from '../../src/app';
import { loadGatewayConfig } from '../../src/config';
import type { PrismaClient } from '../../src/generated/prisma/client';
import { createPrisma } from '../../src/seed';
import { startStubService, type StubService } from './stub-service';

export const JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters';
export const ADMIN_PASSWORD = 'admin-password-for-tests';

const logger = createLogger({ service: 'gateway-test', level: 'silent' });

/** Shared by the gateways of one test file: a fresh database and a random Redis key prefix. */
export async function startTestInfrastructure() {
  const database: TestDatabase = await createTestDatabase('headliner_gateway_template');
  // Prisma's client only to look at the database; the gateway runs on pg.
  const prisma: PrismaClient = createPrisma(database.url);
  const pool = createPgPool(database.url, 10);
  const testRedis = createTestRedis();
  const stubs = {
    queue: await startStubService('queue'),
    concert: await startStubService('concert'),
    reservation: await startStubService('reservation'),
    wallet: await startStubService('wallet'),
  };
  const redis = createRedis(infraUrl('REDIS_URL'), 'request', {
    name: 'rate-limits',
    commandTimeoutMs: 1000,
    logger,
  });
  await whenRedisReady(redis);

  /** A gateway over this infrastructure; `env` overrides its configuration. */
  function startGateway(env: Record<string, string> = {}, options: { redis?: Redis } = {}) {
    const config = loadGatewayConfig({
      DATABASE_URL: database.url,
      REDIS_URL: infraUrl('REDIS_URL'),
      JWT_SECRET,
      INTERNAL_AUTH_SECRET: testInternalAuthSecret,
      ADMIN_PASSWORD,
      HEADLINER_MODE: 'local', // the secrets above are public
      PASSWORD_SCRYPT_COST: '1024', // fast tests; production keeps the default 32768 (p = 3)
      PASSWORD_SCRYPT_PARALLELISM: '1',
      // Hashes that cheap come back at once, and tests send crowds; the bound's tests set theirs.
      PASSWORD_HASHES_IN_FLIGHT: '64',
      // Every test signs up from 127.0.0.1; the tests of these limits set their own.
      SIGNUPS_PER_IP: '1000000',
      LOGIN_FAILURES_PER_IP: '1000000',
      QUEUE_URL: stubs.queue.url,
      CONCERT_URL: stubs.concert.url,
      RESERVATION_URL: stubs.reservation.url,
      WALLET_URL: stubs.wallet.url,
      RATE_LIMIT_KEY_PREFIX: `${testRedis.prefix}${crypto.randomUUID()}:`,
      ...env,
    });
    const deps = { config, logger, db: sqlDatabase(pool), redis: options.redis ?? redis };
    const app = createApp(deps);
    const management = createManagementApp({ logger, ...gatewayProbes(deps) });
    return { app, config, http: () => request(app), management: () => request(management) };
  }

  return {
    prisma,
    stubs,
    startGateway,
    async stop() {
      await Promise.all(Object.values(stubs).map((stub: StubService) => stub.close()));
      redis.disconnect();
      await testRedis.cleanup();
      await prisma.$disconnect();
      await pool.end();
      await database.drop();
    },
  };
}

/**
 * A Redis client like the gateway's that never connects (nothing listens on port 1), as when
 * Redis is down; it does not retry, so the test run can end at once.
 */
export function unreachableRedis(): Redis {
  return new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
}

export type TestInfrastructure = Awaited<ReturnType<typeof startTestInfrastructure>>;
export type TestGateway = ReturnType<TestInfrastructure['startGateway']>;
