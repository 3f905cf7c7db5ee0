import type { QueueTokenView } from '@headliner/contracts';
import { eventually } from '@headliner/testing';
import { enterQueue, newUsers, pollToken, queueStats, verifyToken } from './support/queue-requests';
import { startTestQueue, type TestQueue } from './support/test-queue';

describe('when an active token outlives ACTIVE_TTL', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1, activeTtlSeconds: 1, sweepIntervalMs: 200 });
  });
  afterAll(() => queue.stop());

  it('is expired by the sweep, which admits the next in line', async () => {
    const [first, second] = newUsers(2);
    const lapsing: QueueTokenView = (await enterQueue(queue.app, first!)).body;
    const next: QueueTokenView = (await enterQueue(queue.app, second!)).body;
    expect(next.status).toBe('WAITING');

    // Only the read-only verify is called, so nothing but the sweep can admit the next user.
    const admitted = await eventually(
      () => verifyToken(queue.app, second!, next.queueToken),
      (res) => res.status === 200,
      5000,
    );

    expect(admitted.status).toBe(200);
    expect((await verifyToken(queue.app, first!, lapsing.queueToken)).status).toBe(410);
    expect((await pollToken(queue.app, first!, lapsing.queueToken)).status).toBe(410);
    expect((await queueStats(queue.app)).body).toMatchObject({
      activeLimit: 1,
      active: 1,
      waiting: 0,
    });
  });
});

describe('when a waiting fan stops polling for WAIT_IDLE_TTL', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1, waitIdleSeconds: 1, sweepIntervalMs: 200 });
  });
  afterAll(() => queue.stop());

  it('drops their token while a fan who keeps polling stays in line', async () => {
    const [admitted, idle, polling] = newUsers(3);
    await enterQueue(queue.app, admitted!);
    const idleToken: QueueTokenView = (await enterQueue(queue.app, idle!)).body;
    const pollingToken: QueueTokenView = (await enterQueue(queue.app, polling!)).body;
    expect(pollingToken.position).toBe(2);

    const stats = await eventually(
      async () => {
        expect((await pollToken(queue.app, polling!, pollingToken.queueToken)).status).toBe(200);
        return (await queueStats(queue.app)).body;
      },
      (body) => body.waiting === 1,
      5000,
    );

    expect(stats).toMatchObject({ activeLimit: 1, active: 1, waiting: 1 });
    expect((await pollToken(queue.app, idle!, idleToken.queueToken)).status).toBe(410);
    expect((await pollToken(queue.app, polling!, pollingToken.queueToken)).body).toMatchObject({
      status: 'WAITING',
      position: 1,
    });
    const again = await enterQueue(queue.app, idle!);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'WAITING', position: 2 });
  });
});
