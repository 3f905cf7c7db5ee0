import { randomUUID } from 'node:crypto';
import { signedInUser } from './support/accounts';
import {
  startTestInfrastructure,
  unreachableRedis,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';

let infra: TestInfrastructure;

beforeAll(async () => {
  infra = await startTestInfrastructure();
});
afterAll(() => infra.stop());

beforeEach(() => {
  infra.stubs.queue.answer = (_req, res) => res.json({});
});

// Two calls at the door per address (a challenge and a join), refilled slowly.
const twoCallsPerClient = { DOOR_PER_IP_PER_SECOND: '1', DOOR_PER_IP_BURST: '2' };
const scheduleId = randomUUID();

function atTheDoor(gateway: TestGateway, bearer: string, forwardedFor: string) {
  return {
    challenge: () =>
      gateway
        .http()
        .get('/api/v1/queue/challenge')
        .query({ scheduleId })
        .set('authorization', bearer)
        .set('X-Forwarded-For', forwardedFor),
    join: () =>
      gateway
        .http()
        .post('/api/v1/queue/tokens')
        .set('authorization', bearer)
        .set('X-Forwarded-For', forwardedFor)
        .send({ scheduleId }),
  };
}

describe('when the gateway trusts the proxy in front of it', () => {
  it('limits challenges and joins per client that X-Forwarded-For names', async () => {
    const gateway = infra.startGateway({ ...twoCallsPerClient, TRUSTED_PROXIES: 'loopback' });
    const { bearer } = await signedInUser(gateway);
    const flooding = atTheDoor(gateway, bearer, '203.0.113.7');
    const neighbour = atTheDoor(gateway, bearer, '198.51.100.9');

    expect((await flooding.challenge()).status).toBe(200);
    expect((await flooding.join()).status).toBe(200);
    const refused = await flooding.join();

    expect(refused.status).toBe(429);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body.type).toBe('https://headliner.dev/problems/too-many-joins');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await neighbour.challenge()).status).toBe(200);
  });

  it('refuses before asking the queue', async () => {
    const gateway = infra.startGateway({ ...twoCallsPerClient, TRUSTED_PROXIES: 'loopback' });
    const { bearer } = await signedInUser(gateway);
    const door = atTheDoor(gateway, bearer, '192.0.2.44');
    await door.join();
    await door.join();
    let asked = 0;
    infra.stubs.queue.answer = (_req, res) => {
      asked += 1;
      res.json({});
    };

    expect((await door.join()).status).toBe(429);
    expect(asked).toBe(0);
  });
});

describe('when no proxy is trusted (the default)', () => {
  it('ignores a forged X-Forwarded-For: the connection is one client however it names itself', async () => {
    const gateway = infra.startGateway(twoCallsPerClient);
    const { bearer } = await signedInUser(gateway);

    expect((await atTheDoor(gateway, bearer, '203.0.113.7').challenge()).status).toBe(200);
    expect((await atTheDoor(gateway, bearer, '198.51.100.9').join()).status).toBe(200);
    expect((await atTheDoor(gateway, bearer, '192.0.2.1').join()).status).toBe(429);
  });
});

describe('when Redis is down', () => {
  it('lets fans through the door unlimited rather than shut it', async () => {
    const { bearer } = await signedInUser(infra.startGateway());
    const gateway = infra.startGateway(twoCallsPerClient, { redis: unreachableRedis() });
    const door = atTheDoor(gateway, bearer, '203.0.113.99');

    const answers = [await door.join(), await door.join(), await door.join()];

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
  });
});

describe('when a client reads elsewhere', () => {
  it('leaves the rest of the API to the per-user limit', async () => {
    const gateway = infra.startGateway(twoCallsPerClient);
    const { bearer } = await signedInUser(gateway);
    for (let i = 0; i < 3; i += 1) {
      expect((await gateway.http().get('/api/v1/wallet').set('authorization', bearer)).status).toBe(
        200,
      );
    }
  });
});
