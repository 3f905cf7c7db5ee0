import { Agent, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { Registry } from 'prom-client';
import { createHttpApp, createLogger, createShutdown } from '../src';

interface Answer {
  status: number;
  body: unknown;
}

function getJson(url: string, agent: Agent | false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    }).on('error', reject);
  });
}

/** A service with one slow endpoint whose requests all finish when the test releases them. */
async function startSlowService({
  timeoutMs,
  drainDelayMs = 0,
}: {
  timeoutMs: number;
  drainDelayMs?: number;
}) {
  const logger = createLogger({ service: 'test', level: 'silent' });
  const shutdown = createShutdown({ logger, timeoutMs, drainDelayMs, signals: [] });
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  let finished = 0;
  const routes = Router();
  routes.get('/slow', async (_req, res) => {
    started += 1;
    await released;
    finished += 1;
    res.json({ ok: true });
  });
  const app = createHttpApp({
    logger,
    routes,
    metrics: new Registry(),
    isShuttingDown: shutdown.isShuttingDown,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  shutdown.trackServer(server);

  const closed: string[] = [];
  const closer = (name: string) => () => {
    closed.push(`${name} after ${finished} requests`);
  };
  // Registered as main.ts creates them; they close in the reverse order.
  shutdown.onClose('telemetry', closer('telemetry'));
  shutdown.onClose('redis', closer('redis'));
  shutdown.onClose('prisma', closer('prisma'));
  shutdown.onClose('consumers', closer('consumers'));

  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, shutdown, url, release, closed, started: () => started };
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('when shutdown begins while requests are in flight', () => {
  it('finishes every accepted request, refuses new ones, then closes resources in order', async () => {
    const service = await startSlowService({ timeoutMs: 3000, drainDelayMs: 500 });
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 50 });
    const answers = Promise.all(
      Array.from({ length: 50 }, () => getJson(`${service.url}/slow`, keepAlive)),
    );
    await until(() => service.started() === 50);

    const exitCode = service.shutdown.run('SIGTERM');

    expect(service.shutdown.isShuttingDown()).toBe(true);
    expect(await getJson(`${service.url}/health/ready`, false)).toEqual({
      status: 503,
      body: { status: 'shutting down' },
    });
    await until(() => !service.server.listening);
    await expect(getJson(`${service.url}/health/live`, false)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(service.closed).toEqual([]);

    service.release();

    expect((await answers).map((answer) => answer.status)).toEqual(Array(50).fill(200));
    expect(await exitCode).toBe(0);
    expect(service.closed).toEqual([
      'consumers after 50 requests',
      'prisma after 50 requests',
      'redis after 50 requests',
      'telemetry after 50 requests',
    ]);
    keepAlive.destroy();
  });
});

describe('when requests are still in flight at the timeout', () => {
  it('cuts them off, still closes resources, and exits with 1', async () => {
    const service = await startSlowService({ timeoutMs: 500 });
    const stuck = getJson(`${service.url}/slow`, false).catch((error: { code?: string }) => error);
    await until(() => service.started() === 1);

    const exitCode = await service.shutdown.run('SIGTERM');

    expect(exitCode).toBe(1);
    expect(await stuck).toMatchObject({ code: 'ECONNRESET' });
    expect(service.closed).toHaveLength(4);
    service.release();
  });
});

describe('when shutdown is asked for twice', () => {
  it('shuts down once', async () => {
    const service = await startSlowService({ timeoutMs: 1000 });

    const [first, second] = [service.shutdown.run('SIGTERM'), service.shutdown.run('SIGINT')];

    expect(second).toBe(first);
    expect(await first).toBe(0);
    expect(service.closed).toHaveLength(4);
  });
});
