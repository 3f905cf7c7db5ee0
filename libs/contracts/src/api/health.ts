import { z } from 'zod';
import { json, type ApiRoute } from './api-route';
import { apiComponents } from './components';

export const HealthReport = z
  .object({
    status: z
      .enum(['ok', 'ready', 'degraded', 'unavailable', 'shutting down'])
      .describe(
        'Liveness: ok. Readiness: ready; degraded when only something the service answers ' +
          'without is down (still 200); unavailable when something it needs is down (503). ' +
          'Both: shutting down (503) while draining. Probes read the status code alone; which ' +
          'dependency is down, and why, is told on the management port only.',
      ),
  })
  .register(apiComponents, { id: 'HealthReport' });
export type HealthReport = z.infer<typeof HealthReport>;

/**
 * Served by every service on its public port, outside /api and without authentication. /metrics
 * and the readiness of each dependency are on the management port, which is no part of the API.
 */
export const healthRoutes: readonly ApiRoute[] = [
  {
    operationId: 'liveness',
    method: 'get',
    path: '/health/live',
    tag: 'infrastructure',
    summary: 'The process is running (restart it if not)',
    caller: 'anyone',
    responses: {
      200: json('Alive', HealthReport),
      503: json('Shutting down: finishing the requests in flight', HealthReport),
    },
  },
  {
    operationId: 'readiness',
    method: 'get',
    path: '/health/ready',
    tag: 'infrastructure',
    summary: 'Dependencies are reachable and the service may take traffic',
    caller: 'anyone',
    responses: {
      200: json('Ready', HealthReport),
      503: json('Not ready: something the service needs is down', HealthReport),
    },
  },
];
