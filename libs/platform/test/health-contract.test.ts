import { buildOpenApiDocument, HealthReport } from '@headliner/contracts';
import { Router } from 'express';
import request from 'supertest';
import { createHttpApp, createLogger, type ReadinessChecks } from '../src';

const silent = createLogger({ service: 'test', level: 'silent' });
const document = buildOpenApiDocument();

function appWith(readiness: ReadinessChecks, degradedWithout: ReadinessChecks, draining = false) {
  return createHttpApp({
    logger: silent,
    routes: Router(),
    readiness,
    degradedWithout,
    readinessTimeoutMs: 50,
    isShuttingDown: () => draining,
  });
}

const down = () => Promise.reject(new Error('connection refused'));
const up = () => 'PONG';

// The fuzzer found the probes answering words the document did not list: every answer they
// can give must be a documented status with a body of the documented schema.
describe.each([
  ['ready', appWith({ postgres: up }, { redis: up })],
  ['degraded', appWith({ postgres: up }, { redis: down })],
  ['unavailable', appWith({ postgres: down }, {})],
  ['shutting down', appWith({ postgres: up }, {}, true)],
])('when the service is %s', (_state, app) => {
  it.each(['/health/live', '/health/ready'])('answers %s as the document says', async (path) => {
    const res = await request(app).get(path);

    const documented = document.paths[path]?.get?.responses[res.status];
    expect(documented?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/HealthReport',
    });
    expect(HealthReport.safeParse(res.body).error).toBeUndefined();
  });
});
