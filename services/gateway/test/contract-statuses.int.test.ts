import { randomUUID } from 'node:crypto';
import { buildOpenApiDocument, type ApiOperation } from '@headliner/contracts';
import type { Response } from 'supertest';
import { PASSWORD, signedInAdmin, signedInUser } from './support/accounts';
import {
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';
import type { StubAnswer } from './support/stub-service';

let infra: TestInfrastructure;
let gateway: TestGateway;
let bearer: string;
let adminBearer: string;

const document = buildOpenApiDocument();

beforeAll(async () => {
  infra = await startTestInfrastructure();
  gateway = infra.startGateway();
  bearer = (await signedInUser(gateway)).bearer;
  adminBearer = (await signedInAdmin(gateway)).bearer;
});
afterAll(() => infra.stop());

beforeEach(() => {
  for (const stub of Object.values(infra.stubs)) stub.answer = (_req, res) => res.json({});
});

function documentedStatuses(operationId: ApiOperation): number[] {
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods)) {
      if (operation.operationId === operationId)
        return Object.keys(operation.responses).map(Number);
    }
  }
  throw new Error(`${operationId} is not documented`);
}

const problemOf =
  (status: number): StubAnswer =>
  (_req, res) =>
    res.status(status).type('application/problem+json').send({ status, title: 'from stub' });

const seatHold = { scheduleId: randomUUID(), seatId: randomUUID() };

// Each status provoked through the real gateway, the way a client meets it, must be one the
// document lists for the operation that answered, and come as a problem.
const cases: [string, ApiOperation, number, () => Promise<Response>][] = [
  ['an invalid body', 'signup', 400, () => gateway.http().post('/api/v1/auth/signup').send({})],
  [
    'a NUL in a text field',
    'login',
    400,
    () => gateway.http().post('/api/v1/auth/login').send({ username: '\u0000', password: 'x' }),
  ],
  [
    'a page size past the maximum',
    'listConcerts',
    400,
    () => gateway.http().get('/api/v1/concerts?limit=1000'),
  ],
  ['no bearer token', 'getWallet', 401, () => gateway.http().get('/api/v1/wallet')],
  [
    'a cancellation past the cutoff',
    'cancelBooking',
    409,
    () => {
      infra.stubs.reservation.answer = problemOf(409);
      return gateway
        .http()
        .post(`/api/v1/reservations/${randomUUID()}/cancellation`)
        .set('authorization', bearer)
        .set('idempotency-key', randomUUID());
    },
  ],
  [
    "a fan's token on an admin route",
    'createConcert',
    403,
    () => gateway.http().post('/api/v1/admin/concerts').set('authorization', bearer).send({}),
  ],
  [
    'no bearer token',
    'getWaitingRoom',
    401,
    () => gateway.http().get('/api/v1/admin/waiting-room'),
  ],
  [
    "a fan's token on the waiting room's controls",
    'pauseAdmission',
    403,
    () => gateway.http().post('/api/v1/admin/waiting-room/pause').set('authorization', bearer),
  ],
  [
    'no queue token',
    'holdSeat',
    403,
    () => gateway.http().post('/api/v1/reservations').set('authorization', bearer).send(seatHold),
  ],
  [
    'no queue token',
    'leaveQueue',
    403,
    () => gateway.http().delete('/api/v1/queue/tokens/current').set('authorization', bearer),
  ],
  [
    'a queue token longer than any the queue issues',
    'getQueueToken',
    403,
    () =>
      gateway
        .http()
        .get('/api/v1/queue/tokens/current')
        .set('authorization', bearer)
        .set('x-queue-token', 'x'.repeat(600)),
  ],
  [
    'an unknown schedule',
    'getSeatMap',
    404,
    () => {
      infra.stubs.concert.answer = problemOf(404);
      return gateway.http().get(`/api/v1/schedules/${randomUUID()}/seats`);
    },
  ],
  [
    'a taken username',
    'signup',
    409,
    () =>
      gateway.http().post('/api/v1/auth/signup').send({ username: 'admin', password: PASSWORD }),
  ],
  [
    'an unknown refresh token',
    'refreshTokens',
    401,
    () =>
      gateway
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) }),
  ],
  [
    'a body over the limit',
    'createConcert',
    413,
    () =>
      gateway
        .http()
        .post('/api/v1/admin/concerts')
        .set('authorization', adminBearer)
        .send({ title: 'x'.repeat(200_000), artist: 'IU', venue: 'KSPO Dome' }),
  ],
  [
    'a charge past the maximum balance',
    'chargeWallet',
    422,
    () => {
      infra.stubs.wallet.answer = problemOf(422);
      return gateway
        .http()
        .post('/api/v1/wallet/charges')
        .set('authorization', bearer)
        .set('idempotency-key', randomUUID())
        .send({ amount: 1 });
    },
  ],
  [
    'a queue service that answers nonsense',
    'holdSeat',
    502,
    () => {
      infra.stubs.queue.answer = (_req, res) => res.status(418).end();
      return gateway
        .http()
        .post('/api/v1/reservations')
        .set('authorization', bearer)
        .set('x-queue-token', 'token')
        .send(seatHold);
    },
  ],
];

describe('when a request is refused', () => {
  it.each(cases)(
    'answers %s on %s with a documented %i problem',
    async (_case, id, status, send) => {
      const response = await send();

      expect(response.status).toBe(status);
      expect(documentedStatuses(id)).toContain(status);
      expect(response.type).toBe('application/problem+json');
    },
  );
});

describe('when a client sends too many requests', () => {
  it('answers a documented 429 with Retry-After', async () => {
    const limited = infra.startGateway({
      RATE_LIMIT_ANONYMOUS_PER_SECOND: '1',
      RATE_LIMIT_ANONYMOUS_BURST: '1',
    });
    const queueStats = `/api/v1/schedules/${randomUUID()}/queue/stats`;
    await limited.http().get(queueStats);
    const response = await limited.http().get(queueStats);

    expect(response.status).toBe(429);
    expect(documentedStatuses('getQueueStats')).toContain(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('when one address knocks at the waiting room too often', () => {
  it('answers a documented 429 with Retry-After to challenges and joins', async () => {
    const door = infra.startGateway({ DOOR_PER_IP_PER_SECOND: '1', DOOR_PER_IP_BURST: '1' });
    const challenge = () =>
      door
        .http()
        .get(`/api/v1/queue/challenge?scheduleId=${randomUUID()}`)
        .set('authorization', bearer);
    await challenge();

    for (const [id, response] of [
      ['getQueueChallenge', await challenge()],
      ['enterQueue', await door.http().post('/api/v1/queue/tokens').set('authorization', bearer)],
    ] as const) {
      expect(response.status).toBe(429);
      expect(documentedStatuses(id)).toContain(429);
      expect(response.type).toBe('application/problem+json');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});

describe('when sign-ins and sign-ups come too fast', () => {
  it('answers documented 429s with Retry-After to failed logins and sign-ups past their limits', async () => {
    const strict = infra.startGateway({ LOGIN_FAILURES_PER_USERNAME: '1', SIGNUPS_PER_IP: '1' });
    const login = () =>
      strict.http().post('/api/v1/auth/login').send({ username: 'nobody', password: 'wrong' });
    const signup = () =>
      strict
        .http()
        .post('/api/v1/auth/signup')
        .send({ username: `fan_${randomUUID().slice(0, 8)}`, password: PASSWORD });
    await login();
    await signup();

    for (const [id, response] of [
      ['login', await login()],
      ['signup', await signup()],
    ] as const) {
      expect(response.status).toBe(429);
      expect(documentedStatuses(id)).toContain(429);
      expect(response.type).toBe('application/problem+json');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('answers a documented 503 with Retry-After when every hash slot is taken', async () => {
    const narrow = infra.startGateway({ PASSWORD_HASHES_IN_FLIGHT: '1' });
    const signups = await Promise.all(
      Array.from({ length: 6 }, () =>
        narrow
          .http()
          .post('/api/v1/auth/signup')
          .send({ username: `fan_${randomUUID().slice(0, 8)}`, password: PASSWORD }),
      ),
    );

    const busy = signups.find((response) => response.status === 503);
    expect(busy?.headers['retry-after']).toBe('1');
    expect(documentedStatuses('signup')).toContain(503);
  });
});

describe('when a fan logs out', () => {
  it('answers the documented 204', async () => {
    const response = await gateway.http().post('/api/v1/auth/logout').send({ refreshToken: 'x' });

    expect(response.status).toBe(204);
    expect(documentedStatuses('logout')).toContain(204);
  });
});

describe('when the service behind an operation is away', () => {
  it('answers a documented 503 with Retry-After when it refuses connections', async () => {
    const away = infra.startGateway({ WALLET_URL: 'http://127.0.0.1:1' });
    const response = await away.http().get('/api/v1/wallet').set('authorization', bearer);

    expect(response.status).toBe(503);
    expect(documentedStatuses('getWallet')).toContain(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers a documented 504 when it does not answer in time', async () => {
    const impatient = infra.startGateway({ UPSTREAM_TIMEOUT_MS: '100' });
    infra.stubs.wallet.answer = () => undefined;
    const response = await impatient.http().get('/api/v1/wallet').set('authorization', bearer);

    expect(response.status).toBe(504);
    expect(documentedStatuses('getWallet')).toContain(504);
  });
});

describe('when a declared path is asked with a method it does not declare', () => {
  it.each([
    ['TRACE', '/api/v1/payments', 'POST'],
    ['PUT', '/api/v1/concerts', 'GET, HEAD'],
    ['DELETE', '/api/v1/wallet', 'GET, HEAD'],
    ['POST', '/docs/openapi.json', 'GET, HEAD'],
  ])('answers %s %s with a 405 problem and Allow: %s', async (method, path, allow) => {
    const response = await gateway.http()[method.toLowerCase() as 'get'](path);

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(response.type).toBe('application/problem+json');
  });

  it('keeps the internal paths unknown', async () => {
    const response = await gateway.http().get('/internal/queue-tokens/verify');
    expect(response.status).toBe(404);
  });
});
