import { randomUUID } from 'node:crypto';
import { internalRoutes } from '@headliner/contracts';
import { asUser } from '@headliner/testing';
import { register } from 'prom-client';
import request from 'supertest';
import { enterQueue, newUsers, queueStats, room } from './support/queue-requests';
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

  const tokensIssued = async () =>
    (await register.getSingleMetric('queue_tokens_issued_total')?.get())?.values[0]?.value ?? 0;

  it('gives one token however many of their requests race, and counts it issued once', async () => {
    const [userId] = newUsers(1);
    const issuedBefore = await tokensIssued();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => queue.waitingRoom.enter(userId!, room)),
    );

    expect(answers.filter((answer) => answer.created)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.token.queueToken)).size).toBe(1);
    expect((await queueStats(queue.app)).body).toMatchObject({
      activeLimit: 1,
      active: 1,
      waiting: 0,
    });
    expect((await tokensIssued()) - issuedBefore).toBe(1);
  });
});

describe('when a request is not vouched for by a signed caller statement', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue();
  });
  afterAll(() => queue.stop());

  const forgedStatement = asUser('queue', { secret: 'a-guessed-secret-of-at-least-32-characters' });
  it.each([
    ['only the raw X-User-Id header', { 'X-User-Id': randomUUID() }],
    ['a statement signed with another secret', forgedStatement],
    ['a statement addressed to another service', asUser('reservation')],
  ])('refuses %s with 401 and issues no token', async (_, headers) => {
    const entered = await request(queue.app).post('/api/v1/queue/tokens').set(headers);
    const verified = await request(queue.app)
      .post(internalRoutes.verifyQueueToken.path)
      .set(headers)
      .send({ userId: randomUUID(), queueToken: 'some-token' });

    expect(entered.status).toBe(401);
    expect(entered.body.type).toBe('https://headliner.dev/problems/caller-statement-rejected');
    expect(verified.status).toBe(401);
    expect((await queueStats(queue.app)).body).toMatchObject({ active: 0, waiting: 0 });
  });

  it('refuses a fan’s statement on the internal verify route', async () => {
    const entered = (await enterQueue(queue.app, randomUUID())).body;
    const probe = await request(queue.app)
      .post(internalRoutes.verifyQueueToken.path)
      .set(asUser('queue'))
      .send({ userId: randomUUID(), queueToken: entered.queueToken });

    expect(probe.status).toBe(403);
  });
});
