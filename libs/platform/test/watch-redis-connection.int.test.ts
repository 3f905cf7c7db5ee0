import { createServer, connect, type Server, type Socket } from 'node:net';
import { eventually, infraUrl } from '@headliner/testing';
import { Redis } from 'ioredis';
import { watchRedisConnection } from '../src/redis/watch-redis-connection';
import { captureLogs } from './support/captured-logs';

/** A TCP door to the real Redis that the test can shut (every connection cut) and open again. */
function redisDoor() {
  const target = new URL(infraUrl('REDIS_URL'));
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => socket.destroy());
          socket.on('close', () => sockets.delete(socket));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve(port);
      });
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server?.close(() => resolve());
    });
  return { open, shut };
}

describe('when a Redis connection is lost and comes back', () => {
  it('logs the outage once, not once per reconnect attempt, and its end', async () => {
    const door = redisDoor();
    const port = await door.open();
    const logs = captureLogs();
    // The real Redis's URL (with its password) through the door.
    const throughDoor = new URL(infraUrl('REDIS_URL'));
    throughDoor.hostname = '127.0.0.1';
    throughDoor.port = String(port);
    const redis = watchRedisConnection(
      new Redis(throughDoor.href, { retryStrategy: () => 50 }),
      logs.logger,
      'test',
    );
    try {
      expect(await redis.ping()).toBe('PONG');
      let attempts = 0;
      redis.on('reconnecting', () => (attempts += 1));

      await door.shut();
      await eventually(
        async () => attempts,
        (n) => n >= 5,
      );
      const lost = logs.lines.filter((line) => line.msg === 'redis connection lost; reconnecting');
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatchObject({ level: 'warn', connection: 'test' });

      await door.open();
      await eventually(
        async () => logs.lines.some((line) => line.msg === 'redis connection back'),
        (back) => back,
      );
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
      await door.shut();
    }
  });
});
