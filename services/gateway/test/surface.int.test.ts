import { randomUUID } from 'node:crypto';
import { PASSWORD, signedInUser, uniqueUsername } from './support/accounts';
import {
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';

let infra: TestInfrastructure;
let gateway: TestGateway;
let bearer: string;

beforeAll(async () => {
  infra = await startTestInfrastructure();
  gateway = infra.startGateway();
  bearer = (await signedInUser(gateway)).bearer;
});
afterAll(() => infra.stop());

beforeEach(() => {
  // Services that would let anyone keep their answers: the gateway decides for personal ones.
  for (const stub of Object.values(infra.stubs)) {
    stub.answer = (_req, res) => res.set('Cache-Control', 'public, max-age=60').json({});
  }
});

describe('when a browser receives any gateway answer', () => {
  it.each([
    ['a catalogue read', '/api/v1/concerts'],
    ['a refusal', '/api/v1/wallet'],
    ['an unknown path', '/nowhere'],
    ['a probe', '/health/live'],
    ['the OpenAPI document', '/docs/openapi.json'],
  ])('forbids sniffing, framing and referrers on %s', async (_case, path) => {
    const response = await gateway.http().get(path);

    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
    });
  });

  it('keeps the docs page under its own policy, which lets it load its own scripts', async () => {
    const response = await gateway.http().get('/docs');

    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('when an answer is about one person', () => {
  const personal: [string, () => Promise<import('supertest').Response>][] = [
    ['a new account', () => signup()],
    ['an access token', () => login()],
    ['a wallet', () => gateway.http().get('/api/v1/wallet').set('authorization', bearer)],
    ['a refused wallet read', () => gateway.http().get('/api/v1/wallet')],
    [
      'a queue token',
      () =>
        gateway
          .http()
          .post('/api/v1/queue/tokens')
          .set('authorization', bearer)
          .send({ scheduleId: randomUUID() }),
    ],
    [
      'a reservation',
      () => gateway.http().get(`/api/v1/reservations/${randomUUID()}`).set('authorization', bearer),
    ],
    [
      'a payment refused for want of a queue token',
      () =>
        gateway
          .http()
          .post('/api/v1/payments')
          .set('authorization', bearer)
          .set('idempotency-key', 'k1')
          .send({ reservationId: randomUUID() }),
    ],
  ];

  it.each(personal)('tells every cache not to store %s', async (_case, send) => {
    const response = await send();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('leaves catalogue answers the public caching their service chose', async () => {
    const response = await gateway.http().get(`/api/v1/schedules/${randomUUID()}/seats`);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
  });
});

describe('when the service behind an operation fails', () => {
  // An address, a host name or a stack frame.
  const internals = [
    /\d+\.\d+\.\d+\.\d+/,
    /localhost/,
    /https?:\/\/(?!headliner\.dev)/,
    /\bat \S+ \(/,
  ];

  it('turns a crash page into a 502 problem that shows none of it', async () => {
    infra.stubs.wallet.answer = (_req, res) =>
      res
        .status(500)
        .type('html')
        .send(
          '<pre>Error: connect ECONNREFUSED 10.0.3.7:5432\n    at Pool.connect (/srv/wallet/pg.js:9:1)</pre>',
        );

    const response = await gateway.http().get('/api/v1/wallet').set('authorization', bearer);

    expect(response.status).toBe(502);
    expect(response.type).toBe('application/problem+json');
    expect(response.text).not.toMatch(/10\.0\.3\.7|ECONNREFUSED|pg\.js/);
    for (const pattern of internals) expect(response.text).not.toMatch(pattern);
  });

  it.each([
    ['refuses connections', { WALLET_URL: 'http://127.0.0.1:1' }, 503],
    ['does not answer in time', { UPSTREAM_TIMEOUT_MS: '100' }, 504],
  ])('names the service but not its address when it %s', async (_case, env, status) => {
    const failing = infra.startGateway(env);
    infra.stubs.wallet.answer = () => undefined;

    const response = await failing.http().get('/api/v1/wallet').set('authorization', bearer);

    expect(response.status).toBe(status);
    expect(response.body.upstream).toBe('wallet');
    for (const pattern of internals) expect(response.text).not.toMatch(pattern);
  });
});

function signup() {
  return gateway
    .http()
    .post('/api/v1/auth/signup')
    .send({ username: uniqueUsername(), password: PASSWORD });
}

async function login() {
  const username = uniqueUsername();
  await gateway.http().post('/api/v1/auth/signup').send({ username, password: PASSWORD });
  return gateway.http().post('/api/v1/auth/login').send({ username, password: PASSWORD });
}
