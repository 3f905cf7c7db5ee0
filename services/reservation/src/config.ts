import { TopicNamespace } from '@headliner/contracts';
import {
  baseConfigSchema,
  envVar,
  exitOnConfigError,
  loadConfig,
} from '@headliner/platform/config';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  PORT: envVar.port(8083),
  DATABASE_URL: envVar.url(['postgres', 'postgresql']),
  /** Connections to PostgreSQL; the saga consumer keeps up to 8 busy on its own. */
  DATABASE_POOL_SIZE: envVar.positiveInt(20),
  REDIS_URL: envVar.url(['redis', 'rediss']),
  /** Give up on a Redis command after this long; holds then go on with PostgreSQL alone. */
  REDIS_COMMAND_TIMEOUT_MS: envVar.durationMs(250),
  KAFKA_BROKERS: envVar.brokerList(),
  ...envVar.kafkaConnection(),
  /** '' in production; 'e2e.' etc. keeps a test system's topics and consumer groups apart. */
  KAFKA_NAMESPACE: TopicNamespace.default(''),
  CONCERT_URL: envVar.url().default('http://127.0.0.1:8082'),
  CONCERT_TIMEOUT_MS: envVar.durationMs(2000),
  HOLD_TTL_SECONDS: envVar.positiveInt(300),
  MAX_HOLDS_PER_USER: envVar.positiveInt(4),
  /** How long a fan has to pay a seat held for them from a waiting list; HOLD_TTL_SECONDS if unset. */
  WAITLIST_OFFER_SECONDS: envVar.positiveInt().optional(),
  /** A confirmed booking can be cancelled (and refunded) until this long before its show starts. */
  CANCELLATION_CUTOFF_HOURS: envVar.positiveInt(24),
  PAYMENT_WAIT_MS: envVar.durationMs(5000),
  EXPIRY_SWEEP_INTERVAL_MS: envVar.positiveInt(5000),
  /**
   * A payment the wallet has not answered after this long is cancelled by the sweep and its seat
   * released; the wallet refunds it if it debited it after all. Longer than the wallet's retries.
   */
  PAYMENT_TIMEOUT_SECONDS: envVar.positiveInt(60),
  /**
   * Read access to the wallet's and the catalogue's databases (read-only roles or replicas in
   * production) for the scheduled reconciliation; it runs only when both are set.
   */
  RECONCILE_WALLET_DATABASE_URL: envVar.url(['postgres', 'postgresql']).optional(),
  RECONCILE_CONCERT_DATABASE_URL: envVar.url(['postgres', 'postgresql']).optional(),
  RECONCILE_INTERVAL_MS: envVar.positiveInt(60_000),
  /**
   * Only facts older than this are judged: a younger one may belong to a saga still in flight.
   * Five payment time-outs: a payment's answer or its time-out, and their events, come sooner.
   */
  RECONCILE_GRACE_SECONDS: envVar.durationMs(300),
  /** off: report mismatches only, send no repairs. */
  RECONCILE_REPAIRS: envVar.oneOf(['on', 'off'], 'on'),
  /** Seat claims and the bullmq expiry queue live under this prefix. */
  REDIS_KEY_PREFIX: z.string().min(1).default('reservation:'),
});

export type Config = z.output<typeof configSchema>;

export const config: Config = exitOnConfigError(() => loadConfig(configSchema));
