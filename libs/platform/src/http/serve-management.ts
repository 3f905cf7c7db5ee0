import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { managementPortOf, type BaseConfig } from '../config/base-config';
import type { Shutdown } from '../lifecycle/shutdown';
import { createManagementApp } from './create-management-app';
import { healthOptionsOf, type ProbeOptions } from './health-routes';
import { watchReadiness } from './readiness-metrics';
import { serve } from './serve';

/**
 * Serves /metrics and the detailed readiness on the management port, on HOST like the public
 * port. Called once the public port listens, so that a management port answering means the
 * service's API is up too. From then until shutdown, readiness_dependency_up follows the checks.
 */
export function serveManagement(
  probes: ProbeOptions,
  config: Pick<BaseConfig, 'PORT' | 'MANAGEMENT_PORT' | 'HOST'>,
  running: { logger: Logger; shutdown: Shutdown },
): Promise<Server> {
  const health = healthOptionsOf(running.logger, probes);
  const stopWatching = watchReadiness({
    needed: health.readiness,
    degradedWithout: health.degradedWithout,
    timeoutMs: health.readinessTimeoutMs,
  });
  running.shutdown.onClose('readiness metric', stopWatching);
  return serve(createManagementApp({ logger: running.logger, ...probes }), {
    port: managementPortOf(config),
    host: config.HOST,
    role: 'management',
    ...running,
  });
}
