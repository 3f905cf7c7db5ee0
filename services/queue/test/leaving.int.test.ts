import type { QueueTokenView } from '@headliner/contracts';
import { enterQueue, leaveQueue, newUsers, pollToken, queueStats } from './support/queue-requests';
import { startTestQueue, type TestQueue } from './support/test-queue';

// No sweep runs in these tests: every admission seen here happened in the leaving request itself.
describe('when users leave the queue', () => {
  let queue: TestQueue;
  let users: string[];
  let tokens: QueueTokenView[];

  const statusOf = async (index: number) =>
    (await pollToken(queue.app, users[index]!, tokens[index]!.queueToken)).body;
  const leave = (index: number) => leaveQueue(queue.app, users[index]!, tokens[index]!.queueToken);

  beforeEach(async () => {
    queue = await startTestQueue({ activeLimit: 2 });
    users = newUsers(6);
    tokens = [];
    for (const userId of users) tokens.push((await enterQueue(queue.app, userId)).body);
  });
  afterEach(() => queue.stop());

  it('admits the head of the line the moment an active user leaves', async () => {
    expect(tokens.map((token) => token.status)).toEqual([
      'ACTIVE',
      'ACTIVE',
      'WAITING',
      'WAITING',
      'WAITING',
      'WAITING',
    ]);

    expect((await leave(0)).status).toBe(204);

    expect(await statusOf(2)).toMatchObject({ status: 'ACTIVE', position: 0 });
    expect(await statusOf(3)).toMatchObject({ status: 'WAITING', position: 1 });
    expect(await statusOf(5)).toMatchObject({ status: 'WAITING', position: 3 });
    expect((await queueStats(queue.app)).body).toMatchObject({
      activeLimit: 2,
      active: 2,
      waiting: 3,
    });
  });

  it('refills slots freed together in arrival order', async () => {
    await Promise.all([leave(0), leave(1)]);

    expect(await statusOf(2)).toMatchObject({ status: 'ACTIVE' });
    expect(await statusOf(3)).toMatchObject({ status: 'ACTIVE' });
    expect(await statusOf(4)).toMatchObject({ status: 'WAITING', position: 1 });
    expect(await statusOf(5)).toMatchObject({ status: 'WAITING', position: 2 });
    expect(await queue.activeCount()).toBe(2);
  });

  it('moves everyone behind a waiting leaver up one place and admits nobody', async () => {
    await leave(3);

    expect(await statusOf(2)).toMatchObject({ status: 'WAITING', position: 1 });
    expect(await statusOf(4)).toMatchObject({ status: 'WAITING', position: 2 });
    expect(await statusOf(5)).toMatchObject({ status: 'WAITING', position: 3 });
    expect((await queueStats(queue.app)).body).toMatchObject({
      activeLimit: 2,
      active: 2,
      waiting: 3,
    });
  });

  it('forgets the token, so it is unknown afterwards and leaving again changes nothing', async () => {
    await leave(0);

    expect((await pollToken(queue.app, users[0]!, tokens[0]!.queueToken)).status).toBe(404);
    expect((await leave(0)).status).toBe(204);
    expect((await queueStats(queue.app)).body).toMatchObject({
      activeLimit: 2,
      active: 2,
      waiting: 3,
    });
  });

  it('ignores someone else’s token', async () => {
    const res = await leaveQueue(queue.app, users[5]!, tokens[0]!.queueToken);

    expect(res.status).toBe(204);
    expect(await statusOf(0)).toMatchObject({ status: 'ACTIVE' });
    expect((await queueStats(queue.app)).body).toMatchObject({
      activeLimit: 2,
      active: 2,
      waiting: 4,
    });
  });
});
