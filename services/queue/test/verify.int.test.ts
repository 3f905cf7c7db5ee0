import { randomUUID } from 'node:crypto';
import { ActiveQueueToken, internalRoutes, type QueueTokenView } from '@headliner/contracts';
import { asService } from '@headliner/testing';
import request from 'supertest';
import { enterQueue, newUsers, pollToken, room, verifyToken } from './support/queue-requests';
import { startTestQueue, type TestQueue } from './support/test-queue';

describe('when another service verifies a queue token', () => {
  let queue: TestQueue;
  const [admitted, waiter] = newUsers(2);
  let active: QueueTokenView;
  let waiting: QueueTokenView;

  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1 });
    active = (await enterQueue(queue.app, admitted!)).body;
    waiting = (await enterQueue(queue.app, waiter!)).body;
  });
  afterAll(() => queue.stop());

  it('answers 200 with the expiry and the schedule it admits to, for an active token of that user', async () => {
    const res = await verifyToken(queue.app, admitted!, active.queueToken);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ACTIVE', expiresAt: active.expiresAt, scheduleId: room });
    expect(ActiveQueueToken.safeParse(res.body).success).toBe(true);
  });

  it('answers 403 for a token still waiting', async () => {
    const res = await verifyToken(queue.app, waiter!, waiting.queueToken);

    expect(res.status).toBe(403);
    expect(res.body.type).toBe('https://headliner.dev/problems/queue-token-not-active');
  });

  it('answers 404 for another user’s token or one that never existed', async () => {
    const stolen = await verifyToken(queue.app, waiter!, active.queueToken);
    const madeUp = await verifyToken(queue.app, admitted!, 'no-such-token');

    expect(stolen.status).toBe(404);
    expect(madeUp.status).toBe(404);
    expect(stolen.body.type).toBe('https://headliner.dev/problems/queue-token-unknown');
  });

  it('answers 400 naming the fields of a malformed request', async () => {
    const res = await request(queue.app)
      .post(internalRoutes.verifyQueueToken.path)
      .set(asService('gateway', 'queue'))
      .send({ userId: 'nobody', extra: 1 });

    expect(res.status).toBe(400);
    expect(res.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'body.extra',
      'body.queueToken',
      'body.userId',
    ]);
  });
});

describe('when an active token outlived ACTIVE_TTL but no sweep ran yet', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1, activeTtlSeconds: 1 });
  });
  afterAll(() => queue.stop());

  it('answers 410 at once, to verify and to a poll', async () => {
    const userId = randomUUID();
    const token: QueueTokenView = (await enterQueue(queue.app, userId)).body;
    expect((await verifyToken(queue.app, userId, token.queueToken)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1100));

    const verified = await verifyToken(queue.app, userId, token.queueToken);
    expect(verified.status).toBe(410);
    expect(verified.body.type).toBe('https://headliner.dev/problems/queue-token-expired');
    expect((await pollToken(queue.app, userId, token.queueToken)).status).toBe(410);
    expect(await queue.activeCount()).toBe(0);
  });
});
