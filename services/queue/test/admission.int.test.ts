import type { QueueTokenView } from '@headliner/contracts';
import { createWaitingRoom } from '../src/infra/waiting-room';
import { enterQueue, newUsers, queueStats, room } from './support/queue-requests';
import { listen, startTestQueue, type TestQueue } from './support/test-queue';

const activeLimit = 50;

/** Samples the size of the active set while `work` runs and returns the largest seen. */
async function largestActiveSetDuring(queue: TestQueue, work: Promise<unknown>): Promise<number> {
  let largest = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      largest = Math.max(largest, await queue.activeCount());
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await work;
  running = false;
  await sampling;
  return Math.max(largest, await queue.activeCount());
}

describe('when 2,000 fans ask for a token at the same moment', () => {
  let queue: TestQueue;
  let server: Awaited<ReturnType<typeof listen>>;
  const users = newUsers(2000);
  const tokens: QueueTokenView[] = [];

  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit });
    server = await listen(queue);
  });
  afterAll(async () => {
    await server.close();
    await queue.stop();
  });

  it('admits exactly the first ACTIVE_LIMIT by arrival and lines the rest up in arrival order', async () => {
    // Every fourth fan comes through HTTP, the rest straight through the waiting room, interleaved.
    const requests = users.map(async (userId, index) => {
      if (index % 4 === 0) {
        const res = await enterQueue(server.url, userId);
        expect(res.status).toBe(201);
        return res.body as QueueTokenView;
      }
      const entry = await queue.waitingRoom.enter(userId, room);
      expect(entry.created).toBe(true);
      return entry.token;
    });
    const all = Promise.all(requests);

    const largestActiveSet = await largestActiveSetDuring(queue, all);
    tokens.push(...(await all));

    expect(largestActiveSet).toBeLessThanOrEqual(activeLimit);
    const active = tokens.filter((token) => token.status === 'ACTIVE');
    const waiting = tokens.filter((token) => token.status === 'WAITING');
    expect(active).toHaveLength(activeLimit);
    expect(waiting).toHaveLength(users.length - activeLimit);
    expect(new Set(tokens.map((token) => token.queueToken)).size).toBe(users.length);
    expect(active.every((token) => token.position === 0)).toBe(true);
    expect(waiting.map((token) => token.position).sort((a, b) => a - b)).toEqual(
      Array.from({ length: waiting.length }, (_, index) => index + 1),
    );

    const arrivals = await Promise.all(tokens.map((token) => queue.arrivalOf(token.queueToken)));
    const arrivalOf = new Map(tokens.map((token, index) => [token.queueToken, arrivals[index]]));
    expect(active.map((token) => arrivalOf.get(token.queueToken)).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: activeLimit }, (_, index) => index + 1),
    );
    for (const token of waiting) {
      expect(token.position).toBe(arrivalOf.get(token.queueToken)! - activeLimit);
      expect(token.estimatedWaitSeconds).toBeGreaterThan(0);
    }

    const stats = await queueStats(server.url);
    expect(stats.body).toMatchObject({ activeLimit, active: activeLimit, waiting: 1950 });
  });

  it('lines later arrivals up behind them, one after another', async () => {
    const late = newUsers(3);
    const positions: number[] = [];
    for (const userId of late) {
      const res = await enterQueue(server.url, userId);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('WAITING');
      positions.push(res.body.position);
    }

    expect(positions).toEqual([1951, 1952, 1953]);
    expect(await queue.activeCount()).toBe(activeLimit);
  });
});

describe('when ACTIVE_LIMIT is raised while fans wait', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1 });
  });
  afterAll(() => queue.stop());

  it('admits the line in order at the next sweep and lets no newcomer jump it', async () => {
    const [first, second, third, newcomer] = newUsers(4);
    for (const userId of [first, second, third]) await queue.waitingRoom.enter(userId!, room);
    // A redeployed instance with a higher limit, on the same keys.
    const raised = createWaitingRoom({
      redis: queue.redis,
      rules: { ...queue.rules, activeLimit: 3 },
      keyPrefix: queue.prefix,
    });

    const jumper = await raised.enter(newcomer!, room);
    expect(jumper.token).toMatchObject({ status: 'WAITING', position: 3 });

    expect(await raised.sweep()).toMatchObject({ admitted: 2, active: 3, waiting: 1 });
    expect((await raised.enter(second!, room)).token.status).toBe('ACTIVE');
    expect((await raised.enter(third!, room)).token.status).toBe('ACTIVE');
    expect((await raised.enter(newcomer!, room)).token).toMatchObject({
      status: 'WAITING',
      position: 1,
    });
  });
});
