import { randomUUID } from 'node:crypto';
import { rateLimitDecisions } from '../src/metrics';
import { signedInUser } from './support/accounts';
import {
  startTestInfrastructure,
  unreachableRedis,
  type TestInfrastructure,
} from './support/gateway-under-test';

let infra: TestInfrastructure;

beforeAll(async () => {
  infra = await startTestInfrastructure();
});
afterAll(() => infra.stop());

beforeEach(() => {
  for (const stub of Object.values(infra.stubs)) {
    stub.received.length = 0;
    stub.answer = (_req, res) => res.json({ ok: true });
  }
});

const breakerEnv = {
  UPSTREAM_TIMEOUT_MS: '200',
  UPSTREAM_BREAKER_VOLUME_THRESHOLD: '3',
  UPSTREAM_BREAKER_RESET_MS: '400',
};

describe('when a service keeps failing', () => {
  it('relays its 500s, then answers 503 naming it at once without calling it', async () => {
    const gateway = infra.startGateway(breakerEnv);
    const { concert } = infra.stubs;
    concert.answer = (_req, res) =>
      res.status(500).type('application/problem+json').send('{"status":500}');

    for (let call = 0; call < 3; call += 1) {
      expect((await gateway.http().get('/api/v1/concerts')).status).toBe(500);
    }
    const started = Date.now();
    const response = await gateway.http().get('/api/v1/concerts');

    expect(Date.now() - started).toBeLessThan(100);
    expect(response.status).toBe(503);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      upstream: 'concert',
      type: expect.stringContaining('upstream-unavailable'),
    });
    expect(concert.received).toHaveLength(3);
  });

  it('keeps serving the other services meanwhile', async () => {
    const gateway = infra.startGateway(breakerEnv);
    infra.stubs.concert.answer = (_req, res) => res.status(500).end();
    for (let call = 0; call < 4; call += 1) await gateway.http().get('/api/v1/concerts');

    const queueStats = `/api/v1/schedules/${randomUUID()}/queue/stats`;
    expect((await gateway.http().get(queueStats)).status).toBe(200);
    expect((await gateway.http().get('/health/ready')).status).toBe(200);
  });

  it('answers 504 while it hangs, then fails fast with 503', async () => {
    const gateway = infra.startGateway(breakerEnv);
    const { concert } = infra.stubs;
    concert.answer = () => undefined; // never answers

    for (let call = 0; call < 3; call += 1) {
      const response = await gateway.http().get('/api/v1/concerts');
      expect(response.status).toBe(504);
      expect(response.body).toMatchObject({ upstream: 'concert' });
    }
    const started = Date.now();
    const response = await gateway.http().get('/api/v1/concerts');

    expect(Date.now() - started).toBeLessThan(100);
    expect(response.status).toBe(503);
    expect(concert.received).toHaveLength(3);
  });

  it('answers 503 naming a service that refuses connections', async () => {
    const gateway = infra.startGateway({ ...breakerEnv, WALLET_URL: 'http://127.0.0.1:1' });
    const fan = await signedInUser(gateway);

    const response = await gateway.http().get('/api/v1/wallet').set('Authorization', fan.bearer);

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ upstream: 'wallet' });
  });

  it('lets a trial call through after the reset timeout and serves again once it succeeds', async () => {
    const gateway = infra.startGateway(breakerEnv);
    const { concert } = infra.stubs;
    concert.answer = (_req, res) => res.status(500).end();
    for (let call = 0; call < 4; call += 1) await gateway.http().get('/api/v1/concerts');
    concert.answer = (_req, res) => res.json([]);

    await new Promise((resolve) => setTimeout(resolve, 500));

    expect((await gateway.http().get('/api/v1/concerts')).status).toBe(200);
    expect((await gateway.http().get('/api/v1/concerts')).status).toBe(200);
    expect(concert.received).toHaveLength(5);
  });
});

describe('when the queue service is down during a queue-token check', () => {
  it('answers 503 naming the queue, not 403', async () => {
    const gateway = infra.startGateway({ ...breakerEnv, QUEUE_URL: 'http://127.0.0.1:1' });
    const fan = await signedInUser(gateway);

    const response = await gateway
      .http()
      .post('/api/v1/reservations')
      .set('Authorization', fan.bearer)
      .set('X-Queue-Token', 'qt')
      .send({});

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ upstream: 'queue' });
    expect(infra.stubs.reservation.received).toHaveLength(0);
  });
});

describe('when a user sends too many requests', () => {
  const limits = { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' };

  it('answers 429 with Retry-After once the burst is spent, and leaves other users alone', async () => {
    const gateway = infra.startGateway(limits);
    const [greedy, patient] = [await signedInUser(gateway), await signedInUser(gateway)];
    const wallet = () => gateway.http().get('/api/v1/wallet');

    const statuses = [];
    for (let call = 0; call < 4; call += 1) {
      statuses.push((await wallet().set('Authorization', greedy.bearer)).status);
    }
    const refused = await wallet().set('Authorization', greedy.bearer);
    const other = await wallet().set('Authorization', patient.bearer);

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(refused.status).toBe(429);
    expect(refused.type).toBe('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(other.status).toBe(200);
    expect(infra.stubs.wallet.received).toHaveLength(4);
  });

  it('holds the limit across gateway replicas sharing one Redis, each taking tokens in batches', async () => {
    const shared = {
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: '6',
      RATE_LIMIT_LEASE_TOKENS: '4',
    };
    const first = infra.startGateway(shared);
    const second = infra.startGateway({
      ...shared,
      RATE_LIMIT_KEY_PREFIX: first.config.RATE_LIMIT_KEY_PREFIX,
    });
    const fan = await signedInUser(first);

    const answers = [];
    for (let call = 0; call < 10; call += 1) {
      const gateway = call % 2 === 0 ? first : second;
      answers.push(await gateway.http().get('/api/v1/wallet').set('Authorization', fan.bearer));
    }

    expect(answers.map((answer) => answer.status)).toEqual([
      ...Array<number>(6).fill(200),
      ...Array<number>(4).fill(429),
    ]);
    for (const refused of answers.slice(6)) {
      expect(refused.type).toBe('application/problem+json');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
  });

  it('refills the bucket over time', async () => {
    const gateway = infra.startGateway({ RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '1' });
    const fan = await signedInUser(gateway);
    const wallet = () => gateway.http().get('/api/v1/wallet').set('Authorization', fan.bearer);
    expect((await wallet()).status).toBe(200);
    expect((await wallet()).status).toBe(429);

    await new Promise((resolve) => setTimeout(resolve, 100));

    expect((await wallet()).status).toBe(200);
  });

  it('limits anonymous calls per client address', async () => {
    const gateway = infra.startGateway({
      RATE_LIMIT_ANONYMOUS_PER_SECOND: '1',
      RATE_LIMIT_ANONYMOUS_BURST: '2',
    });

    const statuses = [];
    for (let call = 0; call < 3; call += 1)
      statuses.push((await gateway.http().get('/api/v1/concerts')).status);

    expect(statuses).toEqual([200, 200, 429]);
  });

  it('limits anonymous calls without Redis, per gateway', async () => {
    const redis = unreachableRedis();
    const limits = { RATE_LIMIT_ANONYMOUS_PER_SECOND: '1', RATE_LIMIT_ANONYMOUS_BURST: '1' };
    const [one, other] = [
      infra.startGateway(limits, { redis }),
      infra.startGateway(limits, { redis }),
    ];

    const statuses = [];
    for (const gateway of [one, one, other])
      statuses.push((await gateway.http().get('/api/v1/concerts')).status);

    expect(statuses).toEqual([200, 429, 200]);
    redis.disconnect();
  });

  it('lets requests through when Redis is down, counts them, and stays ready', async () => {
    const redis = unreachableRedis();
    const gateway = infra.startGateway({ RATE_LIMIT_BURST: '1' }, { redis });
    const fan = await signedInUser(gateway);
    const failedOpen = async () =>
      (await rateLimitDecisions.get()).values.find((v) => v.labels.outcome === 'fail_open')
        ?.value ?? 0;
    const failedOpenBefore = await failedOpen();

    const statuses = [];
    for (let call = 0; call < 3; call += 1)
      statuses.push(
        (await gateway.http().get('/api/v1/wallet').set('Authorization', fan.bearer)).status,
      );
    const ready = await gateway.management().get('/health/ready');

    expect(statuses).toEqual([200, 200, 200]);
    expect((await failedOpen()) - failedOpenBefore).toBe(3);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', checks: { postgres: 'up' } });
    expect(ready.body.checks.redis).toMatch(/^down/);
    expect(redis.status).toBe('end'); // it gave up by itself; disconnect() would hold a 2 s timer
  });
});
