import { randomUUID } from 'node:crypto';
import type { QueueTokenView } from '@headliner/contracts';
import { enterQueue, newUsers, pollToken, queueStats, setRoom } from './support/queue-requests';
import { startTestQueue, type TestQueue } from './support/test-queue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('when fans arrive before a room opens', () => {
  let queue: TestQueue;
  const sale = randomUUID();
  const early = newUsers(12);
  const [late] = newUsers(1);
  const tokens = new Map<string, QueueTokenView>();
  let opensAt: string;

  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 3 });
  });
  afterAll(() => queue.stop());

  it('holds them in the PRE_QUEUE with no position, the opening shown, and nobody admitted', async () => {
    opensAt = new Date(Date.now() + 1500).toISOString();
    expect((await setRoom(queue.app, { opensAt }, sale)).status).toBe(200);

    for (const userId of early)
      tokens.set(userId, (await enterQueue(queue.app, userId, sale)).body);

    for (const token of tokens.values()) {
      expect(token).toMatchObject({ status: 'PRE_QUEUE', position: 0, estimatedWaitSeconds: 0 });
      expect(Date.parse(token.opensAt!)).toBe(Date.parse(opensAt));
      expect(token.pollAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(token.pollAfterSeconds).toBeLessThanOrEqual(2);
    }
    expect((await queueStats(queue.app, sale)).body).toMatchObject({
      state: 'SCHEDULED',
      active: 0,
      waiting: 0,
      preQueue: early.length,
      opensAt: new Date(opensAt).toISOString(),
    });
  });

  it('at opensAt lines them up in a random order, ahead of the first later arrival', async () => {
    await sleep(Date.parse(opensAt) - Date.now() + 50);
    const after: QueueTokenView = (await enterQueue(queue.app, late!, sale)).body;

    expect(after).toMatchObject({ status: 'WAITING', position: early.length + 1 });
    const positions = await Promise.all(
      early.map(async (userId) => {
        const polled = await pollToken(queue.app, userId, tokens.get(userId)!.queueToken);
        expect(polled.body.status).toBe('WAITING');
        return polled.body.position as number;
      }),
    );
    expect([...positions].sort((a, b) => a - b)).toEqual(early.map((_, i) => i + 1));
    // 12! orders: arrival order by chance is a 1 in 479,001,600 flake.
    expect(positions).not.toEqual(early.map((_, i) => i + 1));
  });

  it('then admits from the head of that line', async () => {
    await queue.waitingRoom.sweep();

    const statuses = await Promise.all(
      early.map(async (userId) => {
        const polled = await pollToken(queue.app, userId, tokens.get(userId)!.queueToken);
        return polled.body as QueueTokenView;
      }),
    );
    const admitted = statuses.filter((token) => token.status === 'ACTIVE');
    expect(admitted).toHaveLength(3);
    expect((await queueStats(queue.app, sale)).body).toMatchObject({
      state: 'OPEN',
      active: 3,
      waiting: early.length - 3 + 1,
      preQueue: 0,
      admittedPerMinute: 3,
    });
  });
});

// The draw is fair when every order of the pre-queue is equally likely. Four fans join each of
// many rooms before they open, in the same arrival order; each room's opening gives one of the
// 4! = 24 orders. A chi-square goodness-of-fit test against the uniform distribution over the 24
// orders (23 degrees of freedom) rejects at p < 0.001 above 49.73: a draw that kept arrival order,
// or favoured any order, fails it; a fair one fails it once in a thousand runs.
describe('when many rooms open with the same four fans in their pre-queues', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1 });
  });
  afterAll(() => queue.stop());

  const openings = 1200;
  const fans = newUsers(4);

  async function drawOnce(): Promise<string> {
    const scheduleId = randomUUID();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    await queue.waitingRoom.replaceRoomSettings(scheduleId, { opensAt: future }, 'test');
    for (const userId of fans) await queue.waitingRoom.enter(userId, scheduleId);
    await queue.waitingRoom.replaceRoomSettings(scheduleId, { opensAt: null }, 'test');
    await queue.waitingRoom.roomSettings(scheduleId); // any script of the room draws
    const line = await queue.redis.zrange(queue.keys.room(scheduleId).waiting, '0', '-1');
    const owners = await Promise.all(
      line.map((token) => queue.redis.hget(queue.keys.token(token), 'userId')),
    );
    return owners.map((userId) => fans.indexOf(userId!)).join('');
  }

  it('draws every order of the pre-queue equally often', async () => {
    const counts = new Map<string, number>();
    for (let batch = 0; batch < openings / 100; batch++) {
      const orders = await Promise.all(Array.from({ length: 100 }, drawOnce));
      for (const order of orders) counts.set(order, (counts.get(order) ?? 0) + 1);
    }

    expect(counts.size).toBe(24);
    const expected = openings / 24;
    const chiSquare = [...counts.values()].reduce(
      (sum, observed) => sum + (observed - expected) ** 2 / expected,
      0,
    );
    expect(chiSquare).toBeLessThan(49.73);
  });
});
