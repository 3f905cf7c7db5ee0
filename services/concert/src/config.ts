import { TopicNamespace } from '@headliner/contracts';
import {
  baseConfigSchema,
  envVar,
  exitOnConfigError,
  loadConfig,
} from '@headliner/platform/config';
import { z } from 'zod';

export const configSchema = baseConfigSchema
  .extend({
    PORT: envVar.port(8082),
    DATABASE_URL: envVar.url(['postgres', 'postgresql']),
    /** Connections to PostgreSQL; the reservation events consumer keeps up to 8 busy on its own. */
    DATABASE_POOL_SIZE: envVar.positiveInt(20),
    KAFKA_BROKERS: envVar.brokerList(),
    ...envVar.kafkaConnection(),
    /** '' in production; 'e2e.' etc. keeps a test system's topics and consumer groups apart. */
    KAFKA_NAMESPACE: TopicNamespace.default(''),
    /** off: every read goes to PostgreSQL (to compare, or when Redis is not wanted). */
    CATALOGUE_CACHE: envVar.oneOf(['on', 'off'], 'on'),
    REDIS_URL: envVar.url(['redis', 'rediss']).optional(),
    /** Give up on a Redis command after this long; the read then goes to PostgreSQL. */
    REDIS_COMMAND_TIMEOUT_MS: envVar.durationMs(250),
    /**
     * How long the gateway (or any shared cache) may answer catalogue reads without asking again:
     * a seat map can look this much older than the concert's own cache. Ignored with the cache off.
     */
    CATALOGUE_SHARED_MAX_AGE_SECONDS: envVar.positiveInt(1),
    /** The longest a cached seat map or schedule list can disagree with the database. */
    CACHE_TTL_SECONDS: envVar.positiveInt(60),
    /** Changing it orphans every cached entry in a shared Redis (harmless: they expire). */
    CACHE_KEY_PREFIX: z.string().min(1).default('concert:'),
  })
  .superRefine((config, ctx) => {
    if (config.CATALOGUE_CACHE === 'on' && config.REDIS_URL === undefined) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'is required' });
    }
  });

export type Config = z.output<typeof configSchema>;

/** Parsed once, at boot: a bad environment stops the process with every problem named. */
export const config: Config = exitOnConfigError(() => loadConfig(configSchema));
