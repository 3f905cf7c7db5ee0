import { createRedis } from '@headliner/platform';
import { infraUrl, whenRedisReady } from '@headliner/testing';
import type { Redis } from 'ioredis';
import { createWaitingRoom, type WaitingRoom } from '../src/infra/waiting-room';
import { newUsers, updateWaitingRoom, room } from './support/queue-requests';
import { quietLogger, startTestQueue, type TestQueue } from './support/test-queue';

/** Every size of the active set seen while `work` runs, in order, ending with the final one. */
async function activeSizesDuring(queue: TestQueue, work: Promise<unknown>): Promise<number[]> {
  const sizes: number[] = [];
  let running = true;
  const sampling = (async () => {
    while (running) {
      sizes.push(await queue.activeCount());
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await work;
  running = false;
  await sampling;
  sizes.push(await queue.activeCount());
  return sizes;
}

/** Sweeps on every replica, back to back, until `work` settles: admissions from the line race entries. */
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

// Two replicas whose configuration disagrees (ACTIVE_LIMIT 100 and 500): the admin's settings in
// Redis are what both apply, at the moment of each admission, however the requests interleave.
describe('when two replicas admit concurrently while an admin changes the controls', () => {
  let queue: TestQueue;
  let otherConnection: Redis;
  let replicas: WaitingRoom[];

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
  });
  afterAll(async () => {
    await otherConnection.quit();
    await queue.stop();
  });

  const enterEverywhere = (users: string[]) =>
    Promise.all(users.map((userId, i) => replicas[i % 2]!.enter(userId, room)));

  it('never lets the active set past the limit in force', async () => {
    await updateWaitingRoom(queue.app, { activeLimit: 20 });
    const entering = enterEverywhere(newUsers(600));
    const sizes = await activeSizesDuring(queue, sweepingDuring(replicas, entering));

    expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
    expect(sizes.at(-1)).toBe(20);
    const tokens = await entering;
    expect(tokens.filter((entry) => entry.token.status === 'ACTIVE')).toHaveLength(20);
  });

  it('after a lowered limit, admits nobody until the active set is below it, then never past it', async () => {
    const activeTokens = await queue.redis.zrange(queue.roomKeys.active, '0', '-1');
    const holders = await Promise.all(
      activeTokens.map(async (token) => ({
        token,
        userId: (await queue.redis.hget(`${queue.prefix}token:${token}`, 'userId'))!,
      })),
    );
    await updateWaitingRoom(queue.app, { activeLimit: 5 });

    const churn = Promise.all([
      ...holders.map(({ userId, token }, i) => replicas[i % 2]!.leave(userId, token)),
      enterEverywhere(newUsers(200)),
    ]);
    const sizes = await activeSizesDuring(queue, sweepingDuring(replicas, churn));

    const drained = sizes.findIndex((size) => size <= 5);
    expect(drained).toBeGreaterThanOrEqual(0);
    expect(Math.max(...sizes.slice(drained))).toBeLessThanOrEqual(5);
    expect(sizes.at(-1)).toBe(5);
  });

  it('admits no more than the rate in the minute, however many replicas sweep at once', async () => {
    await queue.ageAdmissions(60_000); // a fresh minute: the admissions above no longer count
    await updateWaitingRoom(queue.app, { activeLimit: 1000, admissionRatePerMinute: 30 });
    const entering = enterEverywhere(newUsers(100));
    const sizes = await activeSizesDuring(queue, sweepingDuring(replicas, entering));

    expect(Math.max(...sizes)).toBeLessThanOrEqual(5 + 30);
    expect(sizes.at(-1)).toBe(5 + 30);
  });
});
