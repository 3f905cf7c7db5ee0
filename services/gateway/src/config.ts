import { z } from 'zod';
import {
  baseConfigSchema,
  envVar,
  exitOnConfigError,
  loadConfig,
} from '@headliner/platform/config';

// Exact origins, as a browser sends them: scheme, host and the port when not the default.
const originList = z
  .string()
  .default('')
  .transform((list) =>
    list
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .refine(
    (origins) => origins.every(isOrigin),
    'must be origins like https://app.example.com, comma-separated',
  );

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

const powerOfTwo = envVar
  .positiveInt(16_384)
  .refine((n) => n > 1 && (n & (n - 1)) === 0, 'must be a power of two greater than 1');

export const configSchema = baseConfigSchema.extend({
  PORT: envVar.port(8080),
  DATABASE_URL: envVar.url(['postgres', 'postgresql']),
  /** Connections to PostgreSQL: signups and logins only, each one statement. */
  DATABASE_POOL_SIZE: envVar.positiveInt(10),
  REDIS_URL: envVar.url(['redis', 'rediss']),
  /** Give up on a Redis command after this long; rate limiting then fails open. */
  REDIS_COMMAND_TIMEOUT_MS: envVar.durationMs(250),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_TTL_SECONDS: envVar.positiveInt(3600),
  /** scrypt CPU/memory cost N of new password hashes (16384 ≈ 16 MiB and ~35 ms per hash). */
  PASSWORD_SCRYPT_COST: powerOfTwo,

  ADMIN_USERNAME: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/, 'must be 3-32 characters of a-z, A-Z, 0-9, _ . -')
    .default('admin'),
  // No default on purpose: a known admin password must never ship. The start script sets one.
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters'),
  /** The admin's userId; derived from ADMIN_USERNAME when unset, so it is stable across restarts. */
  ADMIN_USER_ID: z.uuid({ error: 'must be a UUID' }).optional(),

  QUEUE_URL: envVar.url().default('http://127.0.0.1:8081'),
  CONCERT_URL: envVar.url().default('http://127.0.0.1:8082'),
  RESERVATION_URL: envVar.url().default('http://127.0.0.1:8083'),
  WALLET_URL: envVar.url().default('http://127.0.0.1:8084'),
  // Above the reservation service's PAYMENT_WAIT_MS (5 s), so a payment can wait for its saga.
  UPSTREAM_TIMEOUT_MS: envVar.positiveInt(6000),
  UPSTREAM_BREAKER_RESET_MS: envVar.positiveInt(10_000),
  UPSTREAM_BREAKER_VOLUME_THRESHOLD: envVar.positiveInt(5),
  /**
   * Answers to reads anyone may make (seat maps) kept while the service's Cache-Control allows,
   * per operation: the concert list's pages never evict seat maps.
   */
  RESPONSE_CACHE_MAX_ENTRIES: envVar.positiveInt(1000),

  // Per signed-in user: a token bucket refilling RATE_LIMIT_PER_SECOND, holding RATE_LIMIT_BURST.
  RATE_LIMIT_PER_SECOND: envVar.positiveInt(50),
  RATE_LIMIT_BURST: envVar.positiveInt(100),
  // Per client IP for anonymous calls (signup, login, catalogue), per gateway replica (counted in
  // memory). High, because load tests send every virtual user from 127.0.0.1; lower it behind a
  // proxy that sets distinct client IPs.
  RATE_LIMIT_ANONYMOUS_PER_SECOND: envVar.positiveInt(5000),
  RATE_LIMIT_ANONYMOUS_BURST: envVar.positiveInt(10_000),
  RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('gateway:rate:'),

  /** Web apps on these origins may call the API from a browser; none by default (see cors.ts). */
  CORS_ALLOWED_ORIGINS: originList,
});

export type GatewayConfig = z.output<typeof configSchema>;

/** Tests pass their own environment; at boot it is process.env. */
export function loadGatewayConfig(env?: Record<string, string | undefined>): GatewayConfig {
  return loadConfig(configSchema, env);
}

/** The boot-time configuration, or exit 78 naming every bad variable. */
export function readConfigOrExit(): GatewayConfig {
  return exitOnConfigError(() => loadGatewayConfig());
}
