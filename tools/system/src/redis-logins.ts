import { randomBytes } from 'node:crypto';
import { keyPrefixOf, redisServices, type RedisUser } from './redis-users';

/**
 * Whether the services log in to Redis as users of their own: .local/infra.env says so for the
 * local Redis (its ACL file keeps the users across restarts). Otherwise every service logs in
 * with REDIS_URL as given, e.g. on a managed Redis.
 */
export function redisHasServiceUsers(): boolean {
  return Boolean(process.env.REDIS_SERVICE_USERS);
}

/** `npm start`'s users, named after their service, with passwords in .local/secrets/redis-<service>. */
export function localRedisUsers(
  env: Record<string, string | undefined>,
  readSecret: (name: string) => string,
): RedisUser[] | undefined {
  if (!redisHasServiceUsers()) return undefined;
  return redisServices.map((service) => ({
    service,
    username: service,
    password: readSecret(`secrets/redis-${service}`),
    keyPrefix: keyPrefixOf(service, env),
  }));
}

/** A test system's users (`<system>-<service>`), with random passwords, for its own prefixes. */
export function systemRedisUsers(
  system: string,
  env: Record<string, string | undefined>,
): RedisUser[] | undefined {
  if (!redisHasServiceUsers()) return undefined;
  return redisServices.map((service) => ({
    service,
    username: `${system}-${service}`,
    password: randomBytes(24).toString('hex'),
    keyPrefix: keyPrefixOf(service, env),
  }));
}
