import { z } from 'zod';
import { json, type ApiRoute } from './api-route';
import { apiComponents } from './components';

export const HealthReport = z
  .object({
    status: z.enum(['UP', 'DOWN']),
    checks: z
      .record(z.string(), z.enum(['UP', 'DOWN']))
      .optional()
      .describe('Readiness only: each dependency (database, kafka, redis...) by name'),
  })
  .register(apiComponents, { id: 'HealthReport' });
export type HealthReport = z.infer<typeof HealthReport>;

/** Served by every service, outside /api and without authentication. */
export const healthRoutes: readonly ApiRoute[] = [
  {
    operationId: 'liveness',
    method: 'get',
    path: '/health/live',
    tag: 'infrastructure',
    summary: 'The process is running (restart it if not)',
    caller: 'anyone',
    responses: { 200: json('Alive', HealthReport) },
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
      503: json('Not ready: some check is DOWN', HealthReport),
    },
  },
  {
    operationId: 'metrics',
    method: 'get',
    path: '/metrics',
    tag: 'infrastructure',
    summary: 'Prometheus metrics',
    caller: 'anyone',
    responses: {
      200: {
        description: 'Prometheus text exposition format',
        schema: z.string(),
        contentType: 'text/plain; version=0.0.4',
      },
    },
  },
];
