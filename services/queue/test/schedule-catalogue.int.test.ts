import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testInternalAuthSecret } from '@headliner/testing';
import { createScheduleCatalogue } from '../src/infra/schedule-catalogue';
import { quietLogger } from './support/test-queue';

describe('when the queue asks the concert catalogue whether a schedule exists', () => {
  const known = randomUUID();
  const asked: string[] = [];
  let answering = true;
  let server: Server;
  let concertUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      asked.push(req.url!);
      if (!answering) return req.socket.destroy();
      res.writeHead(req.url === `/api/v1/schedules/${known}/seats` ? 200 : 404, {
        'content-type': 'application/json',
      });
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    concertUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    asked.length = 0;
    answering = true;
  });

  const catalogue = () =>
    createScheduleCatalogue({
      concertUrl,
      timeoutMs: 1000,
      internalAuthSecret: testInternalAuthSecret,
      logger: quietLogger,
    });

  it('asks once for a crowd joining a schedule at once, and never again once it is known', async () => {
    const schedules = catalogue();
    const answers = await Promise.all(Array.from({ length: 20 }, () => schedules.isKnown(known)));
    answering = false;

    expect(answers.every(Boolean)).toBe(true);
    expect(await schedules.isKnown(known)).toBe(true);
    expect(asked).toEqual([`/api/v1/schedules/${known}/seats`]);
  });

  it('asks again about a schedule it did not know: it may have been created since', async () => {
    const schedules = catalogue();
    const unknown = randomUUID();

    expect(await schedules.isKnown(unknown)).toBe(false);
    expect(await schedules.isKnown(unknown)).toBe(false);
    expect(asked).toHaveLength(2);
  });

  it('answers 503 upstream-unavailable when the catalogue cannot be reached', async () => {
    answering = false;
    await expect(catalogue().isKnown(randomUUID())).rejects.toMatchObject({
      status: 503,
      type: expect.stringMatching(/upstream-unavailable$/),
    });
  });
});
