import { Redis } from 'ioredis';
import type { Service } from './services';

/**
 * Where each service that uses Redis keeps its keys, bullmq's included: the setting naming the
 * prefix, and its default (the services' config.ts). The wallet uses no Redis.
 */
export const redisKeyPrefixes = {
  gateway: { setting: 'RATE_LIMIT_KEY_PREFIX', fallback: 'gateway:rate:' },
  queue: { setting: 'QUEUE_KEY_PREFIX', fallback: 'queue:' },
  concert: { setting: 'CACHE_KEY_PREFIX', fallback: 'concert:' },
  reservation: { setting: 'REDIS_KEY_PREFIX', fallback: 'reservation:' },
} as const satisfies Partial<Record<Service, { setting: string; fallback: string }>>;

export type RedisService = keyof typeof redisKeyPrefixes;

export const redisServices = Object.keys(redisKeyPrefixes) as RedisService[];

/** One service's Redis login: it may touch only the keys under `keyPrefix`. */
export interface RedisUser {
  service: RedisService;
  username: string;
  password: string;
  keyPrefix: string;
}

/** The prefix a service started with `env` puts in front of its keys. */
export function keyPrefixOf(service: RedisService, env: Record<string, string | undefined>) {
  const { setting, fallback } = redisKeyPrefixes[service];
  return env[setting] ?? fallback;
}

/**
 * The ACL SETUSER rules of a user, from scratch (`reset`), so setting them again changes nothing:
 * its own keys only, no pub/sub channel (no service uses one), every command but the dangerous
 * ones (KEYS, FLUSHALL, CONFIG, ACL ...), and INFO, which ioredis' ready check and bullmq call.
 */
export function redisUserRules(user: RedisUser): string[] {
  return [
    'reset',
    'on',
    `>${user.password}`,
    `~${escapeGlob(user.keyPrefix)}*`,
    'resetchannels',
    '+@all',
    '-@dangerous',
    '+info',
  ];
}

/** The URL of the same Redis as `url`, logged in as `user`. */
export function redisUrlAs(url: string, user: RedisUser): string {
  const login = new URL(url);
  login.username = encodeURIComponent(user.username);
  login.password = encodeURIComponent(user.password);
  return login.toString();
}

/** Creates the users, or sets their rules and password again; `adminUrl` logs in as an admin. */
export async function ensureRedisUsers(adminUrl: string, users: readonly RedisUser[]) {
  await asAdmin(adminUrl, async (redis) => {
    for (const user of users) {
      await redis.call('ACL', 'SETUSER', user.username, ...redisUserRules(user));
    }
  });
}

/** Deletes the users (Redis disconnects their clients). */
export async function deleteRedisUsers(adminUrl: string, users: readonly RedisUser[]) {
  if (users.length === 0) return;
  await asAdmin(adminUrl, (redis) =>
    redis.call('ACL', 'DELUSER', ...users.map((user) => user.username)),
  );
}

// Saved to the ACL file, so the users outlive a restart of the local Redis (a Redis without
// such a file keeps them until it restarts).
async function asAdmin(adminUrl: string, work: (redis: Redis) => Promise<unknown>) {
  const redis = new Redis(adminUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await work(redis);
    await redis.call('ACL', 'SAVE').catch((error: Error) => {
      if (!/not configured to use an ACL file/i.test(error.message)) throw error;
    });
  } finally {
    redis.disconnect();
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}
