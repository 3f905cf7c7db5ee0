import {
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';

let infra: TestInfrastructure;

beforeAll(async () => {
  infra = await startTestInfrastructure();
});
afterAll(() => infra.stop());

const oneCallPerClient = { RATE_LIMIT_ANONYMOUS_PER_SECOND: '1', RATE_LIMIT_ANONYMOUS_BURST: '1' };

const listConcerts = (gateway: TestGateway, forwardedFor: string) =>
  gateway.http().get('/api/v1/concerts').set('X-Forwarded-For', forwardedFor);

describe('when the gateway trusts the proxy in front of it', () => {
  it('gives each client named by X-Forwarded-For a rate-limit bucket of its own', async () => {
    const gateway = infra.startGateway({
      ...oneCallPerClient,
      TRUSTED_PROXIES: '127.0.0.1/8, ::1',
    });

    expect((await listConcerts(gateway, '203.0.113.7')).status).toBe(200);
    expect((await listConcerts(gateway, '198.51.100.9')).status).toBe(200);
    expect((await listConcerts(gateway, '203.0.113.7')).status).toBe(429);
  });
});

describe('when no proxy is trusted (the default)', () => {
  it('ignores a forged X-Forwarded-For: every call of the connection shares one bucket', async () => {
    const gateway = infra.startGateway(oneCallPerClient);

    expect((await listConcerts(gateway, '203.0.113.7')).status).toBe(200);
    expect((await listConcerts(gateway, '198.51.100.9')).status).toBe(429);
  });
});
