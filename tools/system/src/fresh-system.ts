import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import {
  createTestDatabase,
  infraUrl,
  testInternalAuthSecret,
  type TestDatabase,
} from '@headliner/testing';
import { Redis } from 'ioredis';
import { localKafkaLogins } from './kafka-logins';
import { handDatabaseTo, serviceDatabaseUrls } from './database-roles';
import { createKafkaNamespace } from './kafka-namespace';
import { launchServices } from './launcher/launch-services';
import { localSecret } from './local-secret';
import { systemRedisUsers } from './redis-logins';
import { deleteRedisUsers, ensureRedisUsers } from './redis-users';
import type { Readiness } from './launcher/readiness';
import {
  databaseOf,
  databaseOwners,
  serviceNames,
  type DatabaseOwner,
  type Service,
} from './services';

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
  /** The services' output, each line after its name, appended to this file instead of ours. */
  logFile?: string;
}

export interface System {
  gatewayUrl: string;
  /** Put in front of this system's topics and consumer groups. */
  kafkaNamespace: string;
  /** The services whose process has exited (crashed, or killed by the test). */
  exited(): Service[];
  /** One service's process id while it runs, e.g. to read its CPU time. */
  pid(service: Service): number | undefined;
  /** Where one service listens for requests (what the gateway calls). */
  serviceUrl(service: Service): string;
  /** Where one service serves /metrics and the detail of its readiness. */
  managementUrl(service: Service): string;
  /** As the superuser, for the test's own reads and writes (the service connects as its role). */
  databaseUrl(service: DatabaseOwner): string;
  /** SIGKILLs one service: no drain, no offset commit, as in a crash. */
  kill(service: Service): Promise<void>;
  /** Starts a killed service again and waits until it is ready. */
  restart(service: Service): Promise<void>;
  /** SIGSTOPs one service: its connections stay open and nothing answers, as a stalled host. */
  pause(service: Service): void;
  /** SIGCONTs a paused service; nothing for one that is not paused. */
  resume(service: Service): void;
  /**
   * The shared Redis as its admin (the infrastructure's REDIS_URL, not a service's user): for
   * faults that act on the server itself, such as CLIENT PAUSE.
   */
  redisAdminUrl: string;
  /**
   * Deletes every Redis key of this system in one atomic step: what the services see when their
   * Redis restarts without its data, or someone runs FLUSHALL (clients stay connected).
   */
  loseRedisData(): Promise<void>;
  stop(): Promise<void>;
}

const startTimeoutMs = 60_000;

/**
 * Boots the five built services against fresh databases cloned from the migrated templates, a
 * random Redis key prefix and Kafka namespace, on ports 18080-18084 (or from `portBase`), and
 * waits until each is ready: the system the end-to-end and load tests drive.
 */
export async function startSystem(
  env: Partial<Record<string, string>> = {},
  {
    portBase = Number(process.env.E2E_PORT_BASE ?? 18080),
    waitFor = 'ready',
    reconciliation = false,
    logFile,
  }: SystemOptions = {},
): Promise<System> {
  const systemId = randomUUID();
  const prefix = `e2e:${systemId}:`;
  const kafka = createKafkaNamespace();
  await kafka.grant();
  const databases = Object.fromEntries(
    await Promise.all(
      databaseOwners.map(async (owner) => {
        const database = await createTestDatabase(databaseOf(owner, '_template'));
        await handDatabaseTo(database.name, owner);
        return [owner, database];
      }),
    ),
  ) as Record<DatabaseOwner, TestDatabase>;
  const serviceDatabases = serviceDatabaseUrls((owner) => databases[owner].name);
  const redisUrl = infraUrl('REDIS_URL');
  const systemEnv = {
    REDIS_URL: redisUrl,
    KAFKA_BROKERS: infraUrl('KAFKA_BROKERS'),
    KAFKA_NAMESPACE: kafka.namespace,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    JWT_SECRET: 'e2e-secret-that-is-at-least-32-characters-long',
    // The tests' secret, so an end-to-end test can sign (or forge) a caller statement itself.
    INTERNAL_AUTH_SECRET: testInternalAuthSecret,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    PASSWORD_SCRYPT_COST: '1024',
    PASSWORD_SCRYPT_PARALLELISM: '1',
    // Hashes that cheap come back at once, and the tests sign crowds up together (e2e: 50).
    PASSWORD_HASHES_IN_FLIGHT: '64',
    // The tests' secrets are public; the e2e and load tests sign up and fail logins by the
    // hundred from 127.0.0.1, and the fuzzer keeps one fan's token for its whole run.
    HEADLINER_MODE: 'local',
    SIGNUPS_PER_IP: '1000000',
    LOGIN_FAILURES_PER_IP: '1000000',
    DOOR_PER_IP_PER_SECOND: '1000000',
    DOOR_PER_IP_BURST: '1000000',
    JWT_TTL_SECONDS: '3600',
    QUEUE_CHALLENGE_SECRET: 'e2e-queue-challenge-secret-of-32-characters',
    // No proof of work unless a test asks for one: most tests are about what comes after the door.
    QUEUE_CHALLENGE_DIFFICULTY: '0',
    QUEUE_KEY_PREFIX: `${prefix}queue:`,
    RATE_LIMIT_KEY_PREFIX: `${prefix}rate:`,
    CACHE_KEY_PREFIX: `${prefix}catalogue:`,
    REDIS_KEY_PREFIX: `${prefix}reservation:`,
    ...env,
  };
  // Each service logs in as a user of this system that reaches only its own prefix.
  const redisUsers = systemRedisUsers(`e2e-${systemId}`, systemEnv);
  if (redisUsers) await ensureRedisUsers(redisUrl, redisUsers);
  const output = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const launched = launchServices(
    {
      portBase,
      reconciliation,
      databaseUrls: serviceDatabases.owned,
      reconcileDatabaseUrls: serviceDatabases.reconciled,
      kafkaLogins: localKafkaLogins(localSecret),
      redisUsers,
      env: systemEnv,
    },
    output && { prefixOutput: true, output },
  );
  const stop = async () => {
    await launched.stop();
    output?.end();
    await Promise.all(Object.values(databases).map((database) => database.drop()));
    await kafka.remove();
    if (redisUsers) await deleteRedisUsers(redisUrl, redisUsers);
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  };
  try {
    await launched.waitUntil({ readiness: waitFor, timeoutMs: startTimeoutMs, onExit: 'fail' });
  } catch (error) {
    // The reason it did not start matters more than a clean-up failing for the same cause.
    await stop().catch(() => undefined);
    throw error;
  }
  return {
    gatewayUrl: launched.serviceUrl('gateway'),
    kafkaNamespace: kafka.namespace,
    exited: () => serviceNames.filter((service) => !launched.processes[service].running()),
    pid: (service) => launched.processes[service].pid(),
    serviceUrl: launched.serviceUrl,
    managementUrl: launched.managementUrl,
    databaseUrl: (service) => databases[service].url,
    kill: (service) => launched.processes[service].kill(),
    restart: async (service) => {
      launched.processes[service].start();
      await launched.waitUntil({ readiness: 'ready', timeoutMs: startTimeoutMs, onExit: 'fail' }, [
        service,
      ]);
    },
    pause: (service) => launched.processes[service].pause(),
    resume: (service) => launched.processes[service].resume(),
    redisAdminUrl: redisUrl,
    loseRedisData: async () => {
      const redis = new Redis(redisUrl);
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
