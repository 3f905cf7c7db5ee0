import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Builders for the environment variables services share. Each states its rule in words, so a
 * ConfigError reads "PORT must be an integer between 1 and 65535 (got "abc")".
 */

function integer(min: number, max: number) {
  const rule =
    max === Number.MAX_SAFE_INTEGER
      ? `must be an integer of at least ${min}`
      : `must be an integer between ${min} and ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, rule)
    .transform(Number)
    .pipe(z.number().min(min, rule).max(max, rule));
}

function port(fallback?: number) {
  const schema = integer(1, 65535);
  return fallback === undefined ? schema : schema.default(fallback);
}

function positiveInt(fallback?: number) {
  const schema = integer(1, Number.MAX_SAFE_INTEGER);
  return fallback === undefined ? schema : schema.default(fallback);
}

/** Milliseconds as a plain integer: `SHUTDOWN_TIMEOUT_MS=10000`. */
function durationMs(fallback?: number) {
  const schema = integer(0, Number.MAX_SAFE_INTEGER);
  return fallback === undefined ? schema : schema.default(fallback);
}

/** A URL kept as a string, because Prisma, ioredis and axios all take strings. */
function url(protocols: readonly string[] = ['http', 'https']) {
  const rule = `must be a ${protocols.join(' or ')} URL`;
  return z.string().refine((value) => {
    if (!URL.canParse(value)) return false;
    return protocols.includes(new URL(value).protocol.slice(0, -1));
  }, rule);
}

/** `KAFKA_BROKERS=localhost:9092,localhost:9093` becomes `['localhost:9092', 'localhost:9093']`. */
function brokerList() {
  const rule = 'must be a comma-separated list of host:port';
  return z
    .string()
    .transform((value) => value.split(',').map((broker) => broker.trim()))
    .pipe(z.array(z.string().regex(/^[^\s:,]+:\d{1,5}$/, rule)).min(1, rule));
}

/** A fraction such as a sampling ratio: a number from 0 to 1. */
function ratio(fallback?: number) {
  const rule = 'must be a number from 0 to 1';
  const schema = z
    .string()
    .trim()
    .regex(/^(0|1)?(\.\d+)?$/, rule)
    .refine((value) => value !== '' && value !== '.', rule)
    .transform(Number)
    .pipe(z.number().min(0, rule).max(1, rule));
  return fallback === undefined ? schema : schema.default(fallback);
}

/**
 * How the service reaches Kafka. KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD: its principal
 * (SCRAM-SHA-512); both or neither: without them the client connects without SASL. KAFKA_TLS=true
 * encrypts the connection (managed brokers); KAFKA_TLS_CA_FILE, the PEM of a private CA.
 */
function kafkaConnection() {
  return {
    KAFKA_SASL_USERNAME: z.string().min(1, 'must not be empty').optional(),
    KAFKA_SASL_PASSWORD: z.string().min(1, 'must not be empty').optional(),
    KAFKA_TLS: oneOf(['true', 'false'], 'false'),
    KAFKA_TLS_CA_FILE: z.string().min(1, 'must not be empty').optional(),
  };
}

function oneOf<const Value extends string>(values: readonly [Value, ...Value[]], fallback?: Value) {
  const schema = z.enum(values, { error: `must be one of ${values.join(', ')}` });
  return fallback === undefined ? schema : schema.default(fallback);
}

/** Where a server listens: an IPv4 or IPv6 address, or a host name. */
function host(fallback?: string) {
  const rule = 'must be an IP address or a host name';
  const schema = z
    .string()
    .trim()
    .refine(
      (value) => isIP(value) !== 0 || /^[a-zA-Z0-9]([a-zA-Z0-9.-]{0,252})$/.test(value),
      rule,
    );
  return fallback === undefined ? schema : schema.default(fallback);
}

/** A shared secret: long enough that it cannot be guessed, never echoed in errors. */
function secret(minLength = 32) {
  return z.string().min(minLength, `must be at least ${minLength} characters`);
}

/** Comma-separated secrets, each as `secret()` requires; empty or unset is none. */
function secretList(minLength = 32) {
  return z
    .string()
    .default('')
    .transform((value) => value.split(',').filter((item) => item !== ''))
    .pipe(z.array(secret(minLength)));
}

export const envVar = {
  port,
  host,
  positiveInt,
  durationMs,
  ratio,
  url,
  brokerList,
  kafkaConnection,
  oneOf,
  secret,
  secretList,
};
