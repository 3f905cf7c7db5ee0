import type { AddressInfo } from 'node:net';
import { createLogger, createShutdown, serveManagement } from '../src';
import { managementPortOf } from '../src/config';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('when a service serves its management port', () => {
  it('answers metrics and each check by name on HOST, and stops at shutdown', async () => {
    const shutdown = createShutdown({ logger, timeoutMs: 5000, signals: [] });
    const server = await serveManagement(
      {
        readiness: { postgres: () => 1 },
        degradedWithout: { redis: () => Promise.reject(new Error('connect ECONNREFUSED')) },
      },
      { PORT: 8080, MANAGEMENT_PORT: 0, HOST: '127.0.0.1' },
      { logger, shutdown },
    );
    const { address, port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;

    expect(address).toBe('127.0.0.1');
    const ready = await fetch(`${url}/health/ready`);
    expect(await ready.json()).toEqual({
      status: 'degraded',
      checks: { postgres: 'up', redis: 'down: connect ECONNREFUSED' },
    });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('process_cpu_user_seconds_total');
    expect(metrics).toContain('readiness_dependency_up{dependency="postgres"} 1');
    expect(metrics).toContain('readiness_dependency_up{dependency="redis"} 0');
    expect((await fetch(`${url}/api/v1/concerts`)).status).toBe(404);
    expect(await shutdown.run('test')).toBe(0);
    expect(server.listening).toBe(false);
  });
});

describe('when MANAGEMENT_PORT is unset', () => {
  it('is PORT + 100, beside the public port', () => {
    expect(managementPortOf({ PORT: 8084 })).toBe(8184);
    expect(managementPortOf({ PORT: 8084, MANAGEMENT_PORT: 9090 })).toBe(9090);
  });
});
