import { enterQueue, newUsers, queueStats } from './support/queue-requests';
import { startTestQueue, type TestQueue } from './support/test-queue';

describe('when a user asks for a token again', () => {
  let queue: TestQueue;
  beforeEach(async () => {
    queue = await startTestQueue({ activeLimit: 1 });
  });
  afterEach(() => queue.stop());

  it('returns the token they hold with 200, whether active or waiting', async () => {
    const [admitted, waiter] = newUsers(2);
    const first = await enterQueue(queue.app, admitted!);
    const line = await enterQueue(queue.app, waiter!);

    const again = await enterQueue(queue.app, admitted!);
    const lineAgain = await enterQueue(queue.app, waiter!);

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ queueToken: first.body.queueToken, status: 'ACTIVE' });
    expect(lineAgain.status).toBe(200);
    expect(lineAgain.body).toMatchObject({
      queueToken: line.body.queueToken,
      status: 'WAITING',
      position: 1,
    });
  });

  it('gives one token however many of their requests race', async () => {
    const [userId] = newUsers(1);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => queue.waitingRoom.enter(userId!)),
    );

    expect(answers.filter((answer) => answer.created)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.token.queueToken)).size).toBe(1);
    expect((await queueStats(queue.app)).body).toEqual({ activeLimit: 1, active: 1, waiting: 0 });
  });
});

describe('when a request arrives without the gateway’s user header', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue();
  });
  afterAll(() => queue.stop());

  it('answers 400 naming the header', async () => {
    const res = await enterQueue(queue.app, 'not-a-uuid');

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'headers.x-user-id' })]);
    expect(await queue.activeCount()).toBe(0);
  });
});
