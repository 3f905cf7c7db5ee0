import { z } from 'zod';
import {
  baseConfigSchema,
  envVar,
  exitOnConfigError,
  loadConfig,
} from '@headliner/platform/config';
import {
  ADMIN_PASSWORD_RULE,
  SIGNING_SECRET,
  weaknessOf,
  type StrengthRule,
} from './domain/secret-strength';
import { isTrustedProxyEntry, parseTrustedProxies } from './domain/trusted-proxies';

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
  .positiveInt(32_768)
  .refine((n) => n > 1 && (n & (n - 1)) === 0, 'must be a power of two greater than 1');

const gatewaySchema = baseConfigSchema.extend({
  PORT: envVar.port(8080),
  /**
   * `local` (set by `npm start` and the tests) accepts the repository's known secrets; any other
   * deployment must bring strong ones, or the gateway refuses to start.
   */
  HEADLINER_MODE: envVar.oneOf(['local', 'production'], 'production'),
  /** Proxies whose X-Forwarded-For names the client (addresses, CIDRs, `loopback`); none by default. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform(parseTrustedProxies)
    .pipe(
      z.array(
        z
          .string()
          .refine(
            isTrustedProxyEntry,
            'must list IP addresses, CIDRs or loopback, linklocal, uniquelocal',
          ),
      ),
    ),
  DATABASE_URL: envVar.url(['postgres', 'postgresql']),
  /** Connections to PostgreSQL: signups and logins only, each one statement. */
  DATABASE_POOL_SIZE: envVar.positiveInt(10),
  REDIS_URL: envVar.url(['redis', 'rediss']),
  /** Give up on a Redis command after this long; rate limiting then fails open. */
  REDIS_COMMAND_TIMEOUT_MS: envVar.durationMs(250),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().min(1).default('headliner-gateway'),
  JWT_AUDIENCE: z.string().min(1).default('headliner-api'),
  /** Access tokens are not revoked on logout: they expire on their own within this. */
  JWT_TTL_SECONDS: envVar.positiveInt(900),
  REFRESH_TOKEN_TTL_SECONDS: envVar.positiveInt(14 * 24 * 3600),
  /**
   * scrypt N and p of new password hashes. The default is OWASP's row N=2^15, r=8, p=3: 32 MiB
   * per hash, the work of N=2^17 at a quarter of its memory (README: Sign-in and tokens).
   */
  PASSWORD_SCRYPT_COST: powerOfTwo,
  PASSWORD_SCRYPT_PARALLELISM: envVar.positiveInt(3),
  /**
   * Sign-ups and logins in flight at once (each holds a slot from its first read to its answer);
   * one beyond it is answered 503 with Retry-After at once, so a login storm cannot starve the
   * rest. The default is libuv's pool size (UV_THREADPOOL_SIZE, 4): every admitted hash starts at
   * once, none waits in the pool behind the others (README: Sign-in and tokens, the storm).
   */
  PASSWORD_HASHES_IN_FLIGHT: envVar.positiveInt(4),
  /**
   * The longest Retry-After of such a 503: it is the wait of the fans already refused over the
   * sign-ins finished per second, at least 1 s (domain/sign-in-pacing.ts).
   */
  SIGN_IN_RETRY_AFTER_MAX_SECONDS: envVar.positiveInt(30),

  // Failed logins per username and per client IP within a window; past either: 429 until the
  // window ends. Short windows: an attacker can keep a fan out only while they keep failing.
  LOGIN_FAILURES_PER_USERNAME: envVar.positiveInt(10),
  LOGIN_FAILURES_PER_IP: envVar.positiveInt(100),
  LOGIN_FAILURE_WINDOW_SECONDS: envVar.positiveInt(300),
  SIGNUPS_PER_IP: envVar.positiveInt(20),
  SIGNUP_WINDOW_SECONDS: envVar.positiveInt(600),

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
  // proxy once TRUSTED_PROXIES names it, so each fan has an IP of their own.
  RATE_LIMIT_ANONYMOUS_PER_SECOND: envVar.positiveInt(5000),
  RATE_LIMIT_ANONYMOUS_BURST: envVar.positiveInt(10_000),
  // Per client IP at the waiting room's door (challenges and joins together), shared by the
  // replicas: a fan needs two calls, a reload a few more; many fans behind one NAT share it.
  // Load tests come from 127.0.0.1: fresh systems raise it (tools/system fresh-system.ts).
  DOOR_PER_IP_PER_SECOND: envVar.positiveInt(5),
  DOOR_PER_IP_BURST: envVar.positiveInt(30),
  RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('gateway:rate:'),
  // The shared limits (per user, at the door): each replica takes up to RATE_LIMIT_LEASE_TOKENS of
  // a bucket's tokens at once and spends them for up to RATE_LIMIT_LEASE_MS, so a subject may get
  // up to replicas x (RATE_LIMIT_LEASE_TOKENS - 1) requests more in a window than its bucket
  // allows, never more over time (infra/leased-rate-limiter.ts). 1: every request asks Redis.
  RATE_LIMIT_LEASE_TOKENS: envVar.positiveInt(10),
  RATE_LIMIT_LEASE_MS: envVar.positiveInt(5000),

  /** Web apps on these origins may call the API from a browser; none by default (see cors.ts). */
  CORS_ALLOWED_ORIGINS: originList,
});

const secretRules: [keyof z.output<typeof gatewaySchema>, StrengthRule][] = [
  ['JWT_SECRET', SIGNING_SECRET],
  ['INTERNAL_AUTH_SECRET', SIGNING_SECRET],
  ['ADMIN_PASSWORD', ADMIN_PASSWORD_RULE],
];

export const configSchema = gatewaySchema.superRefine((config, context) => {
  if (config.HEADLINER_MODE === 'local') return;
  for (const [name, rule] of secretRules) {
    const weakness = weaknessOf(String(config[name]), rule);
    if (weakness === undefined) continue;
    context.addIssue({
      code: 'custom',
      path: [name],
      message: `${weakness}; outside HEADLINER_MODE=local set a strong one (e.g. openssl rand -hex 32)`,
    });
  }
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
