import { createRedis, type Running } from '@headliner/platform';
import type { Config } from '../config';
import { createDatabase } from './database';
import { createHoldExpiryQueue } from './hold-expiry-queue';
import { watchPaymentOutcomes } from './payment-outcome-watch';
import { createSeatCatalogue } from './seat-catalogue';
import { createSeatClaims } from './seat-claims';

export type Stores = ReturnType<typeof openStores>;

/**
 * PostgreSQL (the truth, whose transactions publish to the namespace's topics), Redis (the fast seat claims and the
 * hold expiry queue), and the catalogue of seats.
 */
export function openStores(config: Config, { logger, shutdown }: Running) {
  const db = createDatabase(config.DATABASE_URL, {
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
    kafkaNamespace: config.KAFKA_NAMESPACE,
  });
  shutdown.onClose('postgres', () => db.$disconnect());
  // Fails fast rather than queue commands while Redis is away: holds go on without it.
  const redis = createRedis(config.REDIS_URL, 'request', {
    name: 'seat-claims',
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    logger,
    shutdown,
  });
  const holdExpiry = createHoldExpiryQueue(redis, `${config.REDIS_KEY_PREFIX}bull`);
  shutdown.onClose('hold expiry queue', () => holdExpiry.close());
  return {
    db,
    redis,
    claims: createSeatClaims(redis, config.REDIS_KEY_PREFIX, logger),
    holdExpiry,
    outcomes: watchPaymentOutcomes(db, logger),
    seats: createSeatCatalogue({
      concertUrl: config.CONCERT_URL,
      timeoutMs: config.CONCERT_TIMEOUT_MS,
      internalAuthSecret: config.INTERNAL_AUTH_SECRET,
      logger,
    }),
  };
}
