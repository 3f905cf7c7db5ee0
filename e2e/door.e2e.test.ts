import { randomUUID } from 'node:crypto';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { proofOf, solveQueueChallenge } from '@headliner/testing';
import { createSchedule, Fan } from './support/gateway-client';

// The door of the waiting room on the real system: the queue asks a proof of work, the gateway
// counts each client address (behind a trusted proxy, the one X-Forwarded-For names).
describe('when a room asks fans for a proof of work at its door', () => {
  let system: System;
  let scheduleId: string;

  beforeAll(async () => {
    system = await startSystem({
      QUEUE_CHALLENGE_DIFFICULTY: '5000',
      TRUSTED_PROXIES: 'loopback',
      DOOR_PER_IP_PER_SECOND: '1',
      DOOR_PER_IP_BURST: '4',
    });
    const admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    ({ scheduleId } = await createSchedule(admin, 2));
  });
  afterAll(async () => {
    await system?.stop();
  });

  /** A signed-in fan whose calls come through the proxy from an address of their own. */
  async function fanFrom(address: string) {
    const fan = await new Fan(
      system.gatewayUrl,
      `door_${randomUUID().slice(0, 8)}`,
    ).signUpAndLogIn();
    const from = { 'x-forwarded-for': address };
    return {
      fan,
      challenge: async () =>
        await fan.call('GET', `/api/v1/queue/challenge?scheduleId=${scheduleId}`, undefined, from),
      join: (proof?: string) =>
        fan.call('POST', '/api/v1/queue/tokens', { scheduleId, proof }, from),
    };
  }

  it('lets in a fan who solved the challenge, and their token works', async () => {
    const { fan, challenge, join } = await fanFrom('203.0.113.10');
    const asked = await challenge();
    expect(asked.status).toBe(200);

    const joined = await join(solveQueueChallenge(asked.body));

    expect(joined.status).toBe(201);
    fan.queueToken = joined.body.queueToken;
    expect((await fan.call('GET', '/api/v1/queue/tokens/current')).status).toBe(200);
  });

  it('refuses a fan without a proof 400 and with a wrong number 403', async () => {
    const { challenge, join } = await fanFrom('203.0.113.11');
    const asked = await challenge();

    const without = await join();
    const wrong = await join(proofOf(asked.body, asked.body.maxnumber + 1));

    expect(without.status).toBe(400);
    expect(without.body.errors[0].field).toBe('body.proof');
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ reason: 'wrong-number' });
    expect(wrong.body.type).toMatch(/challenge-failed$/);
  });

  it('answers 429 to an address past its limit, and not to the next one', async () => {
    const flooding = await fanFrom('198.51.100.20');
    const neighbour = await fanFrom('198.51.100.21');
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push((await flooding.challenge()).status);

    expect(answers.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(answers).toContain(429);
    expect((await neighbour.challenge()).status).toBe(200);
  });
});
