import { loadGatewayConfig } from '../src/config';
import { signedInUser } from './support/accounts';
import {
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';

const app = 'https://app.headliner.example';
const otherApp = 'http://localhost:5173';
const stranger = 'https://evil.example';

let infra: TestInfrastructure;
let gateway: TestGateway;
let closedGateway: TestGateway;

beforeAll(async () => {
  infra = await startTestInfrastructure();
  gateway = infra.startGateway({ CORS_ALLOWED_ORIGINS: `${app}, ${otherApp}` });
  closedGateway = infra.startGateway();
});
afterAll(() => infra.stop());

const corsHeaders = (headers: Record<string, string>) =>
  Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('when a browser app on an allowed origin asks before a booking call', () => {
  it('answers the preflight with the methods and headers the API takes', async () => {
    const response = await gateway
      .http()
      .options('/api/v1/reservations')
      .set('Origin', app)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type, x-queue-token');

    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(app);
    expect(response.headers['access-control-allow-methods']).toBe('POST, GET, DELETE, PATCH, PUT');
    expect(response.headers['access-control-allow-headers']).toBe(
      'Authorization, Content-Type, idempotency-key, x-queue-token',
    );
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers.vary).toContain('Origin');
  });

  it('lets its script read the answer and the headers it needs', async () => {
    infra.stubs.concert.answer = (_req, res) =>
      res.set('Cache-Control', 'public, max-age=60').json([]);

    for (const origin of [app, otherApp]) {
      const response = await gateway.http().get('/api/v1/concerts').set('Origin', origin);

      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers['access-control-expose-headers']).toBe('Retry-After, Location');
      expect(response.headers.vary).toContain('Origin');
    }
  });

  it('names its origin on refusals too, so the app can read why', async () => {
    const response = await gateway.http().get('/api/v1/wallet').set('Origin', app);

    expect(response.status).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe(app);
  });

  it('answers a signed-in call as it would without CORS', async () => {
    const fan = await signedInUser(gateway);
    infra.stubs.wallet.answer = (_req, res) => res.json({ balance: 0 });

    const response = await gateway
      .http()
      .get('/api/v1/wallet')
      .set('Origin', app)
      .set('Authorization', fan.bearer);

    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(app);
  });
});

describe('when a page on any other origin tries', () => {
  it('gets no CORS header, on the preflight or the call: its preflight is a plain OPTIONS', async () => {
    const preflight = await gateway
      .http()
      .options('/api/v1/wallet/charges')
      .set('Origin', stranger)
      .set('Access-Control-Request-Method', 'POST');
    const plain = await gateway.http().options('/api/v1/wallet/charges');
    const call = await gateway.http().get('/api/v1/concerts').set('Origin', stranger);

    expect([preflight.status, preflight.text]).toEqual([plain.status, plain.text]);
    expect(corsHeaders(preflight.headers)).toEqual([]);
    expect(corsHeaders(call.headers)).toEqual([]);
    expect(call.headers.vary).toContain('Origin');
  });

  it('gets none from a gateway that allows no origin, the default', async () => {
    const preflight = await closedGateway
      .http()
      .options('/api/v1/reservations')
      .set('Origin', app)
      .set('Access-Control-Request-Method', 'POST');

    expect(preflight.status).not.toBe(204);
    expect(corsHeaders(preflight.headers)).toEqual([]);
  });
});

describe('when OPTIONS comes without a preflight, as a fuzzer sends it', () => {
  it('is answered as before CORS, even from an allowed origin', async () => {
    const before = await closedGateway.http().options('/api/v1/concerts');
    const bare = await gateway.http().options('/api/v1/concerts');
    const fromApp = await gateway.http().options('/api/v1/concerts').set('Origin', app);

    for (const response of [bare, fromApp]) {
      expect([response.status, response.text]).toEqual([before.status, before.text]);
    }
  });
});

describe('when CORS_ALLOWED_ORIGINS is set', () => {
  const env = (origins: string) => ({
    DATABASE_URL: 'postgresql://localhost/x',
    REDIS_URL: 'redis://localhost',
    JWT_SECRET: 'x'.repeat(32),
    ADMIN_PASSWORD: 'long-enough',
    INTERNAL_AUTH_SECRET: 'y'.repeat(32),
    HEADLINER_MODE: 'local',
    CORS_ALLOWED_ORIGINS: origins,
  });

  it('takes a comma list of origins', () => {
    expect(loadGatewayConfig(env(` ${app} ,${otherApp}`)).CORS_ALLOWED_ORIGINS).toEqual([
      app,
      otherApp,
    ]);
  });

  it.each(['*', 'https://app.example/', 'https://app.example/path', 'app.example'])(
    'refuses %s, which is not an origin, naming the variable',
    (origins) => {
      expect(() => loadGatewayConfig(env(origins))).toThrow(/CORS_ALLOWED_ORIGINS must be origins/);
    },
  );
});
