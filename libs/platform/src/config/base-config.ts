import { z } from 'zod';
import { envVar } from './env-vars';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const logFormats = ['json', 'pretty'] as const;
/** The standard OTEL_TRACES_SAMPLER values the Node SDK knows. */
export const tracesSamplers = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

/**
 * Variables every service reads. A service extends it with its own:
 * `baseConfigSchema.extend({ PORT: envVar.port(3002), DATABASE_URL: envVar.url(['postgresql']) })`.
 */
export const baseConfigSchema = z.object({
  PORT: envVar.port(3000),
  // Loopback unless told otherwise: a service is reached through the gateway, and a container
  // platform that routes to the pod's address sets HOST=0.0.0.0 (k8s/base does).
  HOST: envVar.host('127.0.0.1'),
  /**
   * Where /metrics and the readiness of each dependency are served, on HOST too; the gateway
   * routes nothing there. Unset: PORT + 100 (see managementPortOf).
   */
  MANAGEMENT_PORT: envVar.port().optional(),
  /**
   * Signs (the gateway, a service calling another) and verifies (every service) the statement of
   * who is calling that each internal request carries. Shared by all services; see README.
   */
  INTERNAL_AUTH_SECRET: envVar.secret(),
  /** Also accepted when verifying, never used to sign: the overlap of a rotation (see README). */
  INTERNAL_AUTH_ACCEPTED_SECRETS: envVar.secretList(),
  LOG_LEVEL: envVar.oneOf(logLevels, 'info'),
  LOG_FORMAT: envVar.oneOf(logFormats, 'json'),
  SHUTDOWN_TIMEOUT_MS: envVar.durationMs(10_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: envVar.url().optional(),
  /** Unset: parent-based with the ratio below (see samplerOf in telemetry). */
  OTEL_TRACES_SAMPLER: envVar.oneOf(tracesSamplers).optional(),
  OTEL_TRACES_SAMPLER_ARG: envVar.ratio(1),
});

export type BaseConfig = z.output<typeof baseConfigSchema>;

/** The management port: MANAGEMENT_PORT, or PORT + 100 when unset (8180 beside 8080). */
export function managementPortOf(config: Pick<BaseConfig, 'PORT' | 'MANAGEMENT_PORT'>): number {
  return config.MANAGEMENT_PORT ?? config.PORT + 100;
}
