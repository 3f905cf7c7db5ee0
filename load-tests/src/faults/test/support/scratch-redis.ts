import { spawn } from 'node:child_process';
import { eventually, freePort } from '@headliner/testing';
import { Redis } from 'ioredis';

export interface ScratchRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * A Redis server of the test's own (the machine's redis-server, no data kept): for a fault that
 * pauses every client, which on the shared test Redis would stall every suite running beside it.
 */
export async function startScratchRedis(): Promise<ScratchRedis> {
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  const ready = await eventually(
    () =>
      probe.ping().then(
        () => true,
        () => false,
      ),
    (answered) => answered,
    10_000,
  );
  probe.disconnect();
  if (!ready) throw new Error(`redis-server did not answer on port ${port}`);
  return {
    url,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
    },
  };
}
