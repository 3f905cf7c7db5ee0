import { createRedis, type Running } from '@headliner/platform';
import { openDatabase } from '@headliner/platform/database';
import type { Config } from '../config';
import { createCatalogueCache } from './catalogue-cache';

/** PostgreSQL, the catalogue's truth, and its Redis cache unless CATALOGUE_CACHE=off. */
export function openStores(config: Config, running: Running) {
  const db = openDatabase(
    config.DATABASE_URL,
    { poolSize: config.DATABASE_POOL_SIZE, kafkaNamespace: config.KAFKA_NAMESPACE },
    running,
  );
  if (config.CATALOGUE_CACHE === 'off' || config.REDIS_URL === undefined) {
    running.logger.info('catalogue cache off: every read goes to PostgreSQL');
    return { db };
  }
  // Commands fail fast while Redis is away, so reads fall back to PostgreSQL instead of waiting.
  const redis = createRedis(config.REDIS_URL, 'request', {
    name: 'catalogue-cache',
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    ...running,
  });
  const cache = createCatalogueCache({
    redis,
    prefix: config.CACHE_KEY_PREFIX,
    ttlSeconds: config.CACHE_TTL_SECONDS,
  });
  return { db, redis, cache };
}
