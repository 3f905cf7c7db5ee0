import { randomUUID } from 'node:crypto';
import { QueueTokenView } from '@headliner/contracts';
import request from 'supertest';
import { asUser } from '@headliner/testing';
import {
  enterQueue,
  leaveQueue,
  newUsers,
  pollToken,
  queueStats,
  room,
  unknownSchedule,
  verifyToken,
} from './support/queue-requests';
import { startTestQueue, type TestQueue } from './support/test-queue';

describe('when fans join the waiting rooms of different schedules', () => {
  let queue: TestQueue;
  const otherRoom = randomUUID();
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 2 });
  });
  afterAll(() => queue.stop());

  it('gives each schedule its own line and its own active limit', async () => {
    const [a, b, c, d] = newUsers(4);
    const here = await Promise.all([a, b, c].map(async (userId) => enterQueue(queue.app, userId!)));
    const there = await enterQueue(queue.app, d!, otherRoom);

    expect(here.map((res) => res.body.status)).toEqual(['ACTIVE', 'ACTIVE', 'WAITING']);
    expect(there.status).toBe(201);
    expect(there.body).toMatchObject({ status: 'ACTIVE', scheduleId: otherRoom, position: 0 });
    expect((await queueStats(queue.app, otherRoom)).body).toMatchObject({
      scheduleId: otherRoom,
      active: 1,
      waiting: 0,
    });
    expect((await queueStats(queue.app)).body).toMatchObject({ active: 2, waiting: 1 });
  });

  it('gives a fan one token per room, and a token of each room they join', async () => {
    const [fan] = newUsers(1);
    const first = await enterQueue(queue.app, fan!, randomUUID());
    const again = await enterQueue(queue.app, fan!, first.body.scheduleId);
    const elsewhere = await enterQueue(queue.app, fan!, randomUUID());

    expect([first.status, again.status, elsewhere.status]).toEqual([201, 200, 201]);
    expect(again.body.queueToken).toBe(first.body.queueToken);
    expect(elsewhere.body.queueToken).not.toBe(first.body.queueToken);
    for (const token of [first.body, elsewhere.body]) {
      expect((await verifyToken(queue.app, fan!, token.queueToken)).body).toMatchObject({
        status: 'ACTIVE',
        scheduleId: token.scheduleId,
      });
    }
  });

  it('frees a slot of the room the leaver was in, not of another', async () => {
    const busy = randomUUID();
    const [first, second, third] = newUsers(3);
    const tokens: QueueTokenView[] = [];
    for (const userId of [first, second, third])
      tokens.push((await enterQueue(queue.app, userId!, busy)).body);
    const [, , waiter] = tokens;
    expect(waiter!.status).toBe('WAITING');

    await leaveQueue(queue.app, first!, tokens[0]!.queueToken);

    expect((await pollToken(queue.app, third!, waiter!.queueToken)).body.status).toBe('ACTIVE');
    expect((await queueStats(queue.app)).body).toMatchObject({ active: 2, waiting: 1 });
  });

  it('keeps each room in the set the sweep visits until it has no live token', async () => {
    const empty = randomUUID();
    const [fan] = newUsers(1);
    const token: QueueTokenView = (await enterQueue(queue.app, fan!, empty)).body;
    expect(await queue.redis.sismember(queue.keys.rooms, empty)).toBe(1);

    await leaveQueue(queue.app, fan!, token.queueToken);
    const swept = await queue.waitingRoom.sweep();

    expect(swept.rooms).toBeGreaterThanOrEqual(3);
    expect(await queue.redis.sismember(queue.keys.rooms, empty)).toBe(0);
    expect(await queue.redis.sismember(queue.keys.rooms, room)).toBe(1);
  });
});

describe('when a fan asks to join', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1, waitIdleSeconds: 60 });
  });
  afterAll(() => queue.stop());

  it('answers 404 schedule-not-found for a schedule the catalogue does not know', async () => {
    const res = await enterQueue(queue.app, randomUUID(), unknownSchedule);

    expect(res.status).toBe(404);
    expect(res.body.type).toMatch(/schedule-not-found$/);
    expect(await queue.redis.exists(queue.keys.room(unknownSchedule).sequence)).toBe(0);
  });

  it.each([
    [{}, 'body.scheduleId'],
    [{ scheduleId: 'not-an-id' }, 'body.scheduleId'],
    [{ scheduleId: room, extra: 1 }, 'body.extra'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await request(queue.app)
      .post('/api/v1/queue/tokens')
      .set(asUser('queue', { userId: randomUUID() }))
      .send(body);

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('tells them when to poll, in the body and as Retry-After, and nothing once active', async () => {
    const [active, waiting] = newUsers(2);
    const admitted = await enterQueue(queue.app, active!);
    const lined = await enterQueue(queue.app, waiting!);
    const polled = await pollToken(queue.app, waiting!, lined.body.queueToken);

    expect(QueueTokenView.safeParse(lined.body).success).toBe(true);
    expect([admitted.body.pollAfterSeconds, admitted.headers['retry-after']]).toEqual([0, '0']);
    expect([lined.body.pollAfterSeconds, lined.headers['retry-after']]).toEqual([1, '1']);
    expect([polled.body.pollAfterSeconds, polled.headers['retry-after']]).toEqual([1, '1']);
  });
});

describe('when a waiting fan polls exactly as paced, with a short idle drop', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1, waitIdleSeconds: 4, sweepIntervalMs: 200 });
  });
  afterAll(() => queue.stop());

  it('is never dropped, while a fan who waits past the idle drop is', async () => {
    const [holder, obedient, slow] = newUsers(3);
    await enterQueue(queue.app, holder!);
    const obeying: QueueTokenView = (await enterQueue(queue.app, obedient!)).body;
    const lagging: QueueTokenView = (await enterQueue(queue.app, slow!)).body;
    expect([obeying.pollAfterSeconds, lagging.pollAfterSeconds]).toEqual([1, 1]);

    const sleep = (seconds: number) =>
      new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const follow = async (userId: string, token: QueueTokenView, slowdown: number) => {
      let after = token.pollAfterSeconds;
      const statuses: number[] = [];
      for (let poll = 0; poll < 6 / slowdown; poll++) {
        await sleep(after * slowdown);
        const res = await pollToken(queue.app, userId, token.queueToken);
        statuses.push(res.status);
        if (res.status !== 200) break;
        after = Number(res.headers['retry-after']);
      }
      return statuses;
    };
    const [obeyed, lagged] = await Promise.all([
      follow(obedient!, obeying, 1),
      follow(slow!, lagging, 4.5),
    ]);

    expect(obeyed.every((status) => status === 200)).toBe(true);
    expect(lagged.at(-1)).toBe(410);
  });
});
