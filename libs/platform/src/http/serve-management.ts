import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { managementPortOf, type BaseConfig } from '../config/base-config';
import type { Shutdown } from '../lifecycle/shutdown';
import { createManagementApp } from './create-management-app';
import type { ProbeOptions } from './health-routes';
import { serve } from './serve';

/**
 * Serves /metrics and the detailed readiness on the management port, on HOST like the public
 * port. Called once the public port listens, so that a management port answering means the
 * service's API is up too.
 */
export function serveManagement(
  probes: ProbeOptions,
  config: Pick<BaseConfig, 'PORT' | 'MANAGEMENT_PORT' | 'HOST'>,
  running: { logger: Logger; shutdown: Shutdown },
): Promise<Server> {
  return serve(createManagementApp({ logger: running.logger, ...probes }), {
    port: managementPortOf(config),
    host: config.HOST,
    role: 'management',
    ...running,
  });
}
