import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createTestDatabase, infraUrl, type TestDatabase } from '@headliner/testing';
import { Redis } from 'ioredis';
import { createKafkaNamespace } from './kafka-namespace';
import { keepOutputTail } from './output-tail';

const root = path.resolve(__dirname, '../..');
const services = ['queue', 'concert', 'wallet', 'reservation', 'gateway'] as const;
export type Service = (typeof services)[number];
const offsets: Record<Service, number> = {
  gateway: 0,
  queue: 1,
  concert: 2,
  reservation: 3,
  wallet: 4,
};
const owners = ['gateway', 'concert', 'reservation', 'wallet'] as const;

interface Child {
  process: ChildProcess;
  lastLines(): string;
}

export const ADMIN = { username: 'admin', password: 'e2e-admin-password' };

export interface SystemOptions {
  /**
   * The gateway's port; the other four services take the next four. E2E_PORT_BASE moves the
   * default, so two checkouts can run their end-to-end tests side by side.
   */
  portBase?: number;
  /**
   * 'ready' (the default) waits until every check of every service is up, Kafka's consumers
   * started included; 'serving' only until each answers what it can, e.g. with Kafka stopped.
   */
  waitFor?: Readiness;
  /**
   * Gives the reservation service read access to the wallet's and the catalogue's databases, so
   * its scheduled reconciliation runs (RECONCILE_INTERVAL_MS and the like come in `env`).
   */
  reconciliation?: boolean;
}

type Readiness = 'ready' | 'serving';

export interface System {
  gatewayUrl: string;
  /** Put in front of this system's topics and consumer groups. */
  kafkaNamespace: string;
  /** The services whose process has exited (crashed, or killed by the test). */
  exited(): Service[];
  /** Where one service listens, e.g. to read its /metrics. */
  serviceUrl(service: Service): string;
  databaseUrl(service: (typeof owners)[number]): string;
  /** SIGKILLs one service: no drain, no offset commit, as in a crash. */
  kill(service: Service): Promise<void>;
  /** Starts a killed service again and waits until it is ready. */
  restart(service: Service): Promise<void>;
  /**
   * Deletes every Redis key of this system in one atomic step: what the services see when their
   * Redis restarts without its data, or someone runs FLUSHALL (clients stay connected).
   */
  loseRedisData(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Boots the five built services (dist/) against fresh databases cloned from the migrated
 * templates and a random Redis key prefix, on ports 18080-18084 (or from `portBase`), and waits
 * until each is ready.
 */
export async function startSystem(
  env: Partial<Record<string, string>> = {},
  {
    portBase = Number(process.env.E2E_PORT_BASE ?? 18080),
    waitFor = 'ready',
    reconciliation,
  }: SystemOptions = {},
): Promise<System> {
  const prefix = `e2e:${randomUUID()}:`;
  const kafka = createKafkaNamespace();
  const databases = Object.fromEntries(
    await Promise.all(
      owners.map(async (owner) => [owner, await createTestDatabase(`headliner_${owner}_template`)]),
    ),
  ) as Record<(typeof owners)[number], TestDatabase>;
  const port = (service: Service) => portBase + offsets[service];
  const url = (service: Service) => `http://127.0.0.1:${port(service)}`;
  const common = {
    ...process.env,
    REDIS_URL: infraUrl('REDIS_URL'),
    KAFKA_BROKERS: infraUrl('KAFKA_BROKERS'),
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    KAFKA_NAMESPACE: kafka.namespace,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    JWT_SECRET: 'e2e-secret-that-is-at-least-32-characters-long',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    PASSWORD_SCRYPT_COST: '1024',
    QUEUE_URL: url('queue'),
    CONCERT_URL: url('concert'),
    RESERVATION_URL: url('reservation'),
    WALLET_URL: url('wallet'),
    QUEUE_KEY_PREFIX: `${prefix}queue:`,
    RATE_LIMIT_KEY_PREFIX: `${prefix}rate:`,
    CACHE_KEY_PREFIX: `${prefix}catalogue:`,
    REDIS_KEY_PREFIX: `${prefix}reservation:`,
    ...env,
  };
  const reconciliationEnv = {
    RECONCILE_WALLET_DATABASE_URL: databases.wallet.url,
    RECONCILE_CONCERT_DATABASE_URL: databases.concert.url,
  };
  const children = new Map<Service, Child>();
  const launch = (service: Service) => {
    const database = (databases as Partial<Record<Service, TestDatabase>>)[service];
    const child = spawn(process.execPath, [path.join(root, `services/${service}/dist/main.js`)], {
      cwd: root,
      env: {
        ...common,
        ...(reconciliation && service === 'reservation' ? reconciliationEnv : {}),
        PORT: String(port(service)),
        DATABASE_URL: database?.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(service, { process: child, lastLines: keepOutputTail(child) });
  };
  const stop = async () => {
    await Promise.all([...children.values()].map((child) => terminate(child.process)));
    await Promise.all(Object.values(databases).map((database) => database.drop()));
    await kafka.remove();
    const redis = new Redis(infraUrl('REDIS_URL'));
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  };
  try {
    services.forEach(launch);
    await Promise.all(
      services.map((service) => waitUntil(waitFor, service, url(service), children)),
    );
  } catch (error) {
    // The reason it did not start matters more than a clean-up failing for the same cause.
    await stop().catch(() => undefined);
    throw error;
  }
  return {
    gatewayUrl: url('gateway'),
    kafkaNamespace: kafka.namespace,
    exited: () =>
      services.filter((service) => {
        const child = children.get(service)?.process;
        return child !== undefined && hasExited(child);
      }),
    serviceUrl: url,
    databaseUrl: (service) => databases[service].url,
    kill: async (service) => {
      const child = children.get(service)?.process;
      if (!child || hasExited(child)) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    restart: async (service) => {
      launch(service);
      await waitUntil('ready', service, url(service), children);
    },
    loseRedisData: async () => {
      const redis = new Redis(infraUrl('REDIS_URL'));
      await redis.eval(deleteKeysLua, 0, `${prefix}*`);
      redis.disconnect();
    },
    stop,
  };
}

// One script, so no service writes between the listing and the deletion, as with FLUSHALL.
const deleteKeysLua = `
for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end
return 0
`;

async function waitUntil(
  readiness: Readiness,
  service: Service,
  baseUrl: string,
  children: Map<Service, Child>,
) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const child = children.get(service);
    if (!child || hasExited(child.process)) {
      throw new Error(
        `${service} exited (code ${child?.process.exitCode ?? child?.process.signalCode}) while starting; its last lines:\n${child?.lastLines()}`,
      );
    }
    try {
      const answer = await fetch(`${baseUrl}/health/ready`);
      const { status } = (await answer.json()) as { status: string };
      if (answer.ok && (readiness === 'serving' || status === 'ready')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service} was not ${readiness} within 60 s`);
}

// A child killed by a signal keeps exitCode null and sets signalCode instead.
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function terminate(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
