import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { Registry } from 'prom-client';
import { createHttpApp, createLogger, createShutdown, serve } from '../src';

const logger = createLogger({ service: 'test', level: 'silent' });

function service() {
  const shutdown = createShutdown({ logger, timeoutMs: 5000, signals: [] });
  const app = createHttpApp({ logger, routes: Router(), metrics: new Registry() });
  return { app, shutdown };
}

describe('when a service serves its app', () => {
  it('listens on the port and stops listening at shutdown', async () => {
    const { app, shutdown } = service();
    const server = await serve(app, { port: 0, host: '127.0.0.1', logger, shutdown });
    const { address, port } = server.address() as AddressInfo;

    expect(address).toBe('127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    expect(await shutdown.run('test')).toBe(0);
    expect(server.listening).toBe(false);
  });

  it('fails when the port is taken', async () => {
    const first = service();
    const server = await serve(first.app, {
      port: 0,
      host: '127.0.0.1',
      logger,
      shutdown: first.shutdown,
    });
    const { port } = server.address() as AddressInfo;
    const second = service();
    try {
      await expect(
        serve(second.app, { port, host: '127.0.0.1', logger, shutdown: second.shutdown }),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.shutdown.run('test');
    }
  });
});
