import type { BaseConfig } from '../config/base-config';
import { createLogger, type Logger } from '../logging/logger';
import type { Telemetry } from '../telemetry/telemetry';
import { createShutdown, type Shutdown } from './shutdown';

export interface MainOptions {
  service: string;
  config: Pick<BaseConfig, 'LOG_LEVEL' | 'LOG_FORMAT' | 'SHUTDOWN_TIMEOUT_MS'>;
  /** Started by the service's telemetry.ts before anything else loaded; closed last. */
  telemetry: Telemetry;
}

export interface Running {
  logger: Logger;
  shutdown: Shutdown;
}

/**
 * Runs a service's composition root with its logger and its shutdown (telemetry registered first,
 * so it closes last). A start that fails is logged once, with its stack, and the process exits 1.
 */
export function runMain(options: MainOptions, main: (running: Running) => Promise<void>): void {
  const { service, config } = options;
  const logger = createLogger({ service, level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  shutdown.onClose('telemetry', () => options.telemetry.shutdown());
  main({ logger, shutdown }).catch((error: unknown) => {
    logger.fatal({ err: error }, `${service} failed to start`);
    process.exit(1);
  });
}
