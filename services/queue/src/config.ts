import { MAX_CHALLENGE_DIFFICULTY, TopicNamespace } from '@headliner/contracts';
import {
  baseConfigSchema,
  envVar,
  exitOnConfigError,
  loadConfig,
} from '@headliner/platform/config';
import { z } from 'zod';

const difficultyRule = `must be an integer between 0 and ${MAX_CHALLENGE_DIFFICULTY}`;

export const configSchema = baseConfigSchema.extend({
  PORT: envVar.port(8081),
  REDIS_URL: envVar.url(['redis', 'rediss']),
  KAFKA_BROKERS: envVar.brokerList(),
  ...envVar.kafkaConnection(),
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
  /** Signs the door's proof-of-work challenges (HMAC-SHA256); shared by the replicas. */
  QUEUE_CHALLENGE_SECRET: envVar.secret(),
  /**
   * ALTCHA's maxnumber of every room without its own: a fan hashes half of it on average; 0 lets
   * fans in without a proof. 100,000: 50,000 hashes on average, 1.2 s at the 40,700 a second
   * measured one awaited WebCrypto digest at a time, as ALTCHA's widget hashes (README).
   */
  QUEUE_CHALLENGE_DIFFICULTY: z
    .string()
    .trim()
    .regex(/^\d+$/, difficultyRule)
    .transform(Number)
    .pipe(z.number().max(MAX_CHALLENGE_DIFFICULTY, difficultyRule))
    .default(100_000),
  QUEUE_CHALLENGE_TTL_SECONDS: envVar.positiveInt(300),
  /** Give up on a Redis command after this long: a request answers 503 rather than hang. */
  REDIS_COMMAND_TIMEOUT_MS: envVar.durationMs(250),
});

export type Config = z.output<typeof configSchema>;

export const config: Config = exitOnConfigError(() => loadConfig(configSchema));
