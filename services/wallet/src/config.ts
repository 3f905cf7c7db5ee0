import { TopicNamespace } from '@headliner/contracts';
import {
  baseConfigSchema,
  envVar,
  exitOnConfigError,
  loadConfig,
} from '@headliner/platform/config';
import type { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  PORT: envVar.port(8084),
  DATABASE_URL: envVar.url(['postgres', 'postgresql']),
  /** Connections to PostgreSQL; the saga consumer keeps up to 8 busy on its own. */
  DATABASE_POOL_SIZE: envVar.positiveInt(20),
  KAFKA_BROKERS: envVar.brokerList(),
  /** '' in production; 'e2e.' etc. keeps a test system's topics and consumer groups apart. */
  KAFKA_NAMESPACE: TopicNamespace.default(''),
});

export type Config = z.output<typeof configSchema>;

/** Parsed once, at boot: a bad environment stops the process with every problem named. */
export const config: Config = exitOnConfigError(() => loadConfig(configSchema));
