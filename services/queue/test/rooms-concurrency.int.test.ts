import { randomUUID } from 'node:crypto';
import { createRedis } from '@headliner/platform';
import { infraUrl, whenRedisReady } from '@headliner/testing';
import type { Redis } from 'ioredis';
import { createWaitingRoom, type WaitingRoom } from '../src/infra/waiting-room';
import { newUsers, pauseRoom, setRoom } from './support/queue-requests';
import { quietLogger, startTestQueue, type TestQueue } from './support/test-queue';

/** Every size of each room's active set seen while `work` runs, in order, ending with the final ones. */
async function activeSizesDuring(queue: TestQueue, rooms: string[], work: Promise<unknown>) {
  const sizes = new Map<string, number[]>(rooms.map((room) => [room, []]));
  const sample = async () => {
    const counts = await Promise.all(rooms.map((room) => queue.activeCount(room)));
    rooms.forEach((room, i) => sizes.get(room)!.push(counts[i]!));
  };
  let running = true;
  const sampling = (async () => {
    while (running) {
      await sample();
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await work;
  running = false;
  await sampling;
  await sample();
  return sizes;
}

/** Sweeps on every replica, back to back, until `work` settles: admissions from the lines race entries. */
async function sweepingDuring(replicas: WaitingRoom[], work: Promise<unknown>): Promise<void> {
  let running = true;
  const sweeping = Promise.all(
    replicas.map(async (replica) => {
      while (running) await replica.sweep();
    }),
  );
  await work;
  running = false;
  await sweeping;
}

// Two replicas whose configuration disagrees (ACTIVE_LIMIT 100 and 500), three rooms with their
// own limits and rates, fans entering all of them at once while both sweep, fans leaving.
describe('when fans flood several rooms through two replicas at once', () => {
  let queue: TestQueue;
  let otherConnection: Redis;
  let replicas: WaitingRoom[];
  const [small, rated, paused] = [randomUUID(), randomUUID(), randomUUID()];
  const rooms = [small, rated, paused];

  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 100 });
    otherConnection = createRedis(infraUrl('REDIS_URL'), 'request', {
      name: 'queue-requests-2',
      commandTimeoutMs: 5000,
      logger: quietLogger,
    });
    await whenRedisReady(otherConnection);
    const other = createWaitingRoom({
      redis: otherConnection,
      rules: { ...queue.rules, activeLimit: 500 },
      keyPrefix: queue.prefix,
    });
    replicas = [queue.waitingRoom, other];
    await setRoom(queue.app, { opensAt: null, activeLimit: 7 }, small);
    await setRoom(queue.app, { opensAt: null, activeLimit: 40, admissionRatePerMinute: 12 }, rated);
    await setRoom(queue.app, { opensAt: null, activeLimit: 30 }, paused);
  });
  afterAll(async () => {
    await otherConnection.quit();
    await queue.stop();
  });

  it("never lets a room's active set past its limit, nor admit faster than its rate", async () => {
    const fans = newUsers(900);
    const entering = Promise.all(
      fans.map(async (userId, i) => {
        const replica = replicas[i % 2]!;
        const entry = await replica.enter(userId, rooms[i % 3]!);
        // Every tenth fan gives up at once: a freed slot is refilled in the same step.
        if (i % 10 === 0) await replica.leave(userId, entry.token.queueToken);
      }),
    );
    const sizes = await activeSizesDuring(queue, rooms, sweepingDuring(replicas, entering));

    expect(Math.max(...sizes.get(small)!)).toBeLessThanOrEqual(7);
    expect(sizes.get(small)!.at(-1)).toBe(7);
    expect(Math.max(...sizes.get(rated)!)).toBeLessThanOrEqual(12);
    expect(await queue.redis.zcard(queue.keys.room(rated).admitted)).toBeLessThanOrEqual(12);
    expect(sizes.get(paused)!.at(-1)).toBe(30);
  });

  it('admits nobody more to a room paused in the middle of admission', async () => {
    const fans = newUsers(400);
    await queue.redis.zremrangebyrank(queue.keys.room(paused).active, 0, -1); // 30 slots free up
    let pausedAt = -1;
    const entering = Promise.all(fans.map((userId, i) => replicas[i % 2]!.enter(userId, paused)));
    const pausing = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await pauseRoom(queue.app, paused);
      pausedAt = await queue.activeCount(paused);
    })();
    const sizes = await activeSizesDuring(
      queue,
      [paused],
      sweepingDuring(replicas, Promise.all([entering, pausing])),
    );

    const afterPause = sizes.get(paused)!.slice(sizes.get(paused)!.indexOf(pausedAt));
    expect(Math.max(...sizes.get(paused)!)).toBeLessThanOrEqual(30);
    expect(Math.max(...afterPause)).toBe(pausedAt);
    await Promise.all(replicas.map((replica) => replica.sweep()));
    expect(await queue.activeCount(paused)).toBe(pausedAt);
  });
});
