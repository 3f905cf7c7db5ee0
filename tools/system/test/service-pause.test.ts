import { freePort } from '@headliner/testing';
import { serviceProcess } from '../src/launcher/service-process';

const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(1000) }).then(
    (response) => response.status,
    () => 'no answer',
  );

describe('a paused service', () => {
  it('keeps its port and answers nothing until resumed, and still stops when paused', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const server = serviceProcess({
      name: 'stub',
      args: [
        '-e',
        `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`,
      ],
      env: {},
      cwd: process.cwd(),
      prefix: '',
    });
    server.start();
    try {
      for (let i = 0; i < 50 && (await answers(url)) !== 200; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await answers(url)).toBe(200);

      server.pause();
      expect(await answers(url)).toBe('no answer');
      expect(server.running()).toBe(true);

      server.resume();
      server.resume();
      expect(await answers(url)).toBe(200);

      server.pause();
      const started = Date.now();
      await server.terminate(10_000);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(server.running()).toBe(false);
    } finally {
      await server.kill();
    }
  });
});
