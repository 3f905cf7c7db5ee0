import { freePort } from '@headliner/testing';
import { serviceProcess } from '../src/launcher/service-process';

describe("a service's process id", () => {
  it('is the process that serves, while it runs, and none once it stopped', async () => {
    const port = await freePort();
    const server = serviceProcess({
      name: 'stub',
      args: [
        '-e',
        `require('node:http').createServer((q, s) => s.end(String(process.pid))).listen(${port}, '127.0.0.1')`,
      ],
      env: {},
      cwd: process.cwd(),
      prefix: '',
    });
    expect(server.pid()).toBeUndefined();
    server.start();
    try {
      let answered: string | undefined;
      for (let i = 0; i < 50 && answered === undefined; i += 1) {
        answered = await fetch(`http://127.0.0.1:${port}/`).then(
          (response) => response.text(),
          () => undefined,
        );
        if (answered === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(answered).toBe(String(server.pid()));
      await server.terminate(10_000);
      expect(server.pid()).toBeUndefined();
    } finally {
      await server.kill();
    }
  });
});
