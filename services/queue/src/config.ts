import { TopicNamespace } from '@headliner/contracts';
import {
  baseConfigSchema,
  envVar,
  exitOnConfigError,
  loadConfig,
} from '@headliner/platform/config';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  PORT: envVar.port(8081),
  REDIS_URL: envVar.url(['redis', 'rediss']),
  KAFKA_BROKERS: envVar.brokerList(),
  ...envVar.kafkaCredentials(),
  /** '' in production; 'e2e.' etc. keeps a test system's topics and consumer groups apart. */
  KAFKA_NAMESPACE: TopicNamespace.default(''),
  /** The concert service, asked once per schedule whether it exists before its room is made. */
  CONCERT_URL: envVar.url().default('http://127.0.0.1:8082'),
  CONCERT_TIMEOUT_MS: envVar.durationMs(2000),
  ACTIVE_LIMIT: envVar.positiveInt(50),
  /** Most admissions in any rolling minute, on top of ACTIVE_LIMIT; unset: no rate limit. */
  ADMISSION_RATE_PER_MINUTE: envVar.positiveInt().optional(),
  ACTIVE_TTL_SECONDS: envVar.positiveInt(300),
  WAIT_IDLE_TTL_SECONDS: envVar.positiveInt(60),
  SWEEP_INTERVAL_MS: envVar.positiveInt(1000),
  // Every key the queue writes starts with this; a hash tag such as '{queue}:' keeps them in one
  // Redis Cluster slot, which the Lua scripts need.
  QUEUE_KEY_PREFIX: z.string().min(1).default('queue:'),
  /** Give up on a Redis command after this long: a request answers 503 rather than hang. */
  REDIS_COMMAND_TIMEOUT_MS: envVar.durationMs(250),
});

export type Config = z.output<typeof configSchema>;

export const config: Config = exitOnConfigError(() => loadConfig(configSchema));
