import { randomUUID } from 'node:crypto';
import { proofOf, whenRedisReady } from '@headliner/testing';
import { register } from 'prom-client';
import { redisChallengeStore } from '../src/infra/challenge-store';
import { enterRoom, getChallenge, solvedProof } from './support/door-requests';
import { leaveQueue, newUsers, setRoom } from './support/queue-requests';
import { startTestQueue, type TestQueue } from './support/test-queue';

const proofs = async (outcome: string) =>
  (await register.getSingleMetric('queue_challenge_proofs_total')?.get())?.values.find(
    (value) => value.labels.outcome === outcome,
  )?.value ?? 0;

describe('when a room asks for a proof of work', () => {
  let queue: TestQueue;
  const scheduleId = randomUUID();
  beforeAll(async () => {
    queue = await startTestQueue({ challengeDifficulty: 2000 });
  });
  afterAll(() => queue.stop());

  it('hands each fan a challenge of their own for the room', async () => {
    const [userId] = newUsers(1);
    const response = await getChallenge(queue.app, userId!, scheduleId);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ algorithm: 'SHA-256', maxnumber: 2000 });
    expect(response.body.salt).toContain(`room=${scheduleId}&user=${userId}`);
  });

  it('lets in a fan with a solved challenge', async () => {
    const [userId] = newUsers(1);
    const proof = await solvedProof(queue.app, userId!, scheduleId);

    const response = await enterRoom(queue.app, userId!, { scheduleId, proof });

    expect(response.status).toBe(201);
    expect(response.body.status).toBe('ACTIVE');
  });

  it.each([
    ['without a proof', {}, 'required'],
    ['with a proof that is not base64 JSON', { proof: 'bm90IGpzb24=' }, 'malformed'],
  ])('answers 400 naming body.proof to a fan %s', async (_case, extra, rule) => {
    const [userId] = newUsers(1);
    const response = await enterRoom(queue.app, userId!, { scheduleId, ...extra });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.proof', rule })]);
  });

  it.each([
    ['a wrong number', 'wrong-number'],
    ["another room's challenge", 'other-room'],
    ["another fan's challenge", 'other-user'],
  ])('answers 403 challenge-failed to %s, and issues no token', async (kind, reason) => {
    const [userId, other] = newUsers(2);
    const asker = kind.includes('fan') ? other! : userId!;
    const room = kind.includes('room') ? randomUUID() : scheduleId;
    const challenge = (await getChallenge(queue.app, asker, room)).body;
    const proof =
      reason === 'wrong-number'
        ? proofOf(challenge, challenge.maxnumber + 1)
        : await solvedProof(queue.app, asker, room);

    const response = await enterRoom(queue.app, userId!, { scheduleId, proof });

    expect(response.status).toBe(403);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      type: 'https://headliner.dev/problems/challenge-failed',
      reason,
    });
  });

  it('gives a fan who holds a live token that token again without a new proof', async () => {
    const [userId] = newUsers(1);
    const proof = await solvedProof(queue.app, userId!, scheduleId);
    const first = await enterRoom(queue.app, userId!, { scheduleId, proof });

    const again = await enterRoom(queue.app, userId!, { scheduleId });
    const replayed = await enterRoom(queue.app, userId!, { scheduleId, proof });

    expect(again.status).toBe(200);
    expect(again.body.queueToken).toBe(first.body.queueToken);
    expect(replayed.status).toBe(200);
    expect(replayed.body.queueToken).toBe(first.body.queueToken);
  });

  it('refuses a proof spent already once the fan left: 403 used', async () => {
    const [userId] = newUsers(1);
    const proof = await solvedProof(queue.app, userId!, scheduleId);
    const first = await enterRoom(queue.app, userId!, { scheduleId, proof });
    await leaveQueue(queue.app, userId!, first.body.queueToken);

    const reused = await enterRoom(queue.app, userId!, { scheduleId, proof });

    expect(reused.status).toBe(403);
    expect(reused.body.reason).toBe('used');
  });

  it('accepts one proof once when two joins race with it', async () => {
    const [userId] = newUsers(1);
    const proof = await solvedProof(queue.app, userId!, scheduleId);
    const [acceptedBefore, usedBefore] = [await proofs('accepted'), await proofs('used')];

    const answers = await Promise.all([
      enterRoom(queue.app, userId!, { scheduleId, proof }),
      enterRoom(queue.app, userId!, { scheduleId, proof }),
    ]);

    expect((await proofs('accepted')) - acceptedBefore).toBe(1);
    expect((await proofs('used')) - usedBefore).toBe(1);
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    // The loser gets the winner's token if it is there already, else the refusal.
    const loser = answers.find((answer) => answer.status !== 201)!;
    expect([200, 403]).toContain(loser.status);
  });
});

describe('when replicas race to spend one proof', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue();
  });
  afterAll(() => queue.stop());

  it('lets exactly one of them spend it', async () => {
    const otherReplica = queue.redis.duplicate();
    await whenRedisReady(otherReplica);
    const replicas = [
      redisChallengeStore(queue.redis, queue.prefix),
      redisChallengeStore(otherReplica, queue.prefix),
    ];
    const signature = randomUUID();
    const expiresAt = new Date(Date.now() + 60_000);

    const spent = await Promise.all(
      Array.from({ length: 20 }, (_, i) => replicas[i % 2]!.spend(signature, expiresAt)),
    ).finally(() => otherReplica.disconnect());

    expect(spent.filter(Boolean)).toHaveLength(1);
  });
});

describe('when the difficulty is 0', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ challengeDifficulty: 0 });
  });
  afterAll(() => queue.stop());

  it('lets fans in without a proof', async () => {
    const [userId] = newUsers(1);
    const response = await enterRoom(queue.app, userId!, { scheduleId: randomUUID() });

    expect(response.status).toBe(201);
  });
});

describe("when a room's own difficulty differs from the default", () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ challengeDifficulty: 2000 });
  });
  afterAll(() => queue.stop());

  it("asks for a proof by the room's own setting, not the default", async () => {
    const [guardedFan, openFan] = newUsers(2);
    const [guarded, open] = [randomUUID(), randomUUID()];
    await setRoom(queue.app, { opensAt: null, challengeDifficulty: 0 }, open);
    await setRoom(queue.app, { opensAt: null, challengeDifficulty: 5000 }, guarded);

    const withoutProof = await enterRoom(queue.app, guardedFan!, { scheduleId: guarded });
    const intoOpenRoom = await enterRoom(queue.app, openFan!, { scheduleId: open });
    const proof = await solvedProof(queue.app, guardedFan!, guarded);
    const withProof = await enterRoom(queue.app, guardedFan!, { scheduleId: guarded, proof });

    expect(withoutProof.status).toBe(400);
    expect(intoOpenRoom.status).toBe(201);
    expect(withProof.status).toBe(201);
  });
});
