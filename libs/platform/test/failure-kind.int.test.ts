import { PrismaPg } from '@prisma/adapter-pg';
import { freePort, infraUrl } from '@headliner/testing';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Pool } from 'pg';
import { NonRetriableError } from '../src/messaging/non-retriable-error';
import { failureKindOf } from '../src/resilience/failure-kind';
import { PrismaClient } from './generated/prisma/client';

// Every error below is raised by the real library against a real server, or a port nobody
// listens on, exactly as a consumer or a request handler would meet it.

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the work to fail');
}

async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: infraUrl('POSTGRES_URL') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('when PostgreSQL fails', () => {
  it('counts a refused connection as transient', async () => {
    const port = await freePort();
    const client = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    expect(failureKindOf(await errorOf(() => client.connect()))).toBe('transient');
  });

  it('counts a server that ends the connection mid-query, and the client after it, as transient', async () => {
    await withClient(async (victim) => {
      const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const sleeping = errorOf(() => victim.query('SELECT pg_sleep(10)'));
      await withClient((killer) => killer.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]));
      expect(failureKindOf(await sleeping)).toBe('transient');
      expect(failureKindOf(await errorOf(() => victim.query('SELECT 1')))).toBe('transient');
    });
  });

  it('counts an exhausted pool as transient', async () => {
    const pool = new Pool({
      connectionString: infraUrl('POSTGRES_URL'),
      max: 1,
      connectionTimeoutMillis: 100,
    });
    const held = await pool.connect();
    try {
      expect(failureKindOf(await errorOf(() => pool.query('SELECT 1')))).toBe('transient');
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('counts a statement timeout, a deadlock and a serialization failure as transient', async () => {
    await withClient(async (first) => {
      await first.query('SET statement_timeout = 50');
      expect(failureKindOf(await errorOf(() => first.query('SELECT pg_sleep(1)')))).toBe(
        'transient',
      );
    });

    await withClient((first) =>
      withClient(async (second) => {
        await first.query('BEGIN');
        await second.query('BEGIN');
        await first.query('SELECT pg_advisory_xact_lock(9001)');
        await second.query('SELECT pg_advisory_xact_lock(9002)');
        const firstWaits = first.query('SELECT pg_advisory_xact_lock(9002)').catch((e) => e);
        const secondWaits = second.query('SELECT pg_advisory_xact_lock(9001)').catch((e) => e);
        const outcomes = await Promise.all([firstWaits, secondWaits]);
        const deadlock = outcomes.find((outcome) => outcome instanceof Error);
        expect((deadlock as { code?: string }).code).toBe('40P01');
        expect(failureKindOf(deadlock)).toBe('transient');
        await first.query('ROLLBACK');
        await second.query('ROLLBACK');
      }),
    );

    await withClient(async (client) => {
      const serialization = await errorOf(() =>
        client.query(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$`),
      );
      expect(failureKindOf(serialization)).toBe('transient');
    });
  });

  it('counts a value out of range or a malformed id as permanent', async () => {
    await withClient(async (client) => {
      expect(failureKindOf(await errorOf(() => client.query('SELECT 2147483648::int')))).toBe(
        'permanent',
      );
      expect(failureKindOf(await errorOf(() => client.query(`SELECT 'x'::uuid`)))).toBe(
        'permanent',
      );
    });
  });

  it("counts Prisma's unreachable database as transient", async () => {
    const port = await freePort();
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: `postgres://x:x@127.0.0.1:${port}/x` }),
    });
    try {
      expect(failureKindOf(await errorOf(() => prisma.$queryRaw`SELECT 1`))).toBe('transient');
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe('when Redis fails', () => {
  it('counts a command refused while the connection is down as transient', async () => {
    const failFast = new Redis(await freePort(), '127.0.0.1', {
      enableOfflineQueue: false,
      lazyConnect: true,
    });
    failFast.on('error', () => undefined);
    try {
      expect(failureKindOf(await errorOf(() => failFast.get('k')))).toBe('transient');
    } finally {
      failFast.disconnect();
    }
  });

  it('counts a command that times out as transient and a wrong command as unexpected', async () => {
    const slow = new Redis(infraUrl('REDIS_URL'), { commandTimeout: 50 });
    const redis = new Redis(infraUrl('REDIS_URL'));
    try {
      const blocked = await errorOf(() => slow.blpop(`failure-kind:${Date.now()}`, 1));
      expect(failureKindOf(blocked)).toBe('transient');
      const wrong = await errorOf(() => redis.call('NO-SUCH-COMMAND'));
      expect(failureKindOf(wrong)).toBe('unexpected');
    } finally {
      slow.disconnect();
      redis.disconnect();
    }
  });
});

describe('when Kafka fails', () => {
  it('counts a broker that cannot be reached as transient', async () => {
    const port = await freePort();
    const kafka = new Kafka({
      brokers: [`127.0.0.1:${port}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 10 },
    });
    const producer = kafka.producer();
    try {
      expect(failureKindOf(await errorOf(() => producer.connect()))).toBe('transient');
    } finally {
      await producer.disconnect();
    }
  });
});

describe('when our own code fails', () => {
  it('counts a non-retriable error as permanent, a wrapped outage by its cause, a bug as unexpected', () => {
    expect(failureKindOf(new NonRetriableError('unknown event version'))).toBe('permanent');
    const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(failureKindOf(new Error('the store is unavailable', { cause: outage }))).toBe(
      'transient',
    );
    expect(failureKindOf(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      'unexpected',
    );
  });
});
