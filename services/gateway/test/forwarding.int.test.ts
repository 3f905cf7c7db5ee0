import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { apiRoutes, internalRoutes } from '@headliner/contracts';
import { forgedToken, signedInAdmin, signedInUser, TOKEN_AUDIENCE } from './support/accounts';
import {
  JWT_SECRET,
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';
import type { StubService } from './support/stub-service';

const verifyPath = internalRoutes.verifyQueueToken.path;

let infra: TestInfrastructure;
let gateway: TestGateway;
let fan: Awaited<ReturnType<typeof signedInUser>>;
let queue: StubService;
let concert: StubService;
let reservation: StubService;
let wallet: StubService;

beforeAll(async () => {
  infra = await startTestInfrastructure();
  ({ queue, concert, reservation, wallet } = infra.stubs);
  gateway = infra.startGateway();
  fan = await signedInUser(gateway);
});
afterAll(() => infra.stop());

beforeEach(() => {
  for (const stub of Object.values(infra.stubs)) {
    stub.received.length = 0;
    stub.answer = (req, res) => res.json({ path: req.path });
  }
});

describe('when a signed-in fan calls a service', () => {
  it('forwards method, path, query and body, with a statement of the user from the token and never a forged one', async () => {
    const response = await gateway
      .http()
      .post('/api/v1/wallet/charges?source=app')
      .set('Authorization', fan.bearer)
      .set('X-User-Id', '00000000-0000-4000-8000-000000000000')
      .set('X-User-Role', 'admin')
      .set('X-Caller-Statement', 'forged')
      .set('Idempotency-Key', 'charge-1')
      .send({ amount: 5000 });

    expect(response.status).toBe(200);
    expect(wallet.received).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/v1/wallet/charges?source=app',
        body: { amount: 5000 },
      }),
    ]);
    const { headers } = wallet.received[0]!;
    expect(wallet.statementOf(wallet.received[0])).toMatchObject({
      sub: fan.userId,
      role: 'user',
      aud: 'wallet',
    });
    expect(wallet.statementOf(wallet.received[0])).not.toHaveProperty('queue');
    expect(headers['x-user-id']).toBeUndefined();
    expect(headers['x-user-role']).toBeUndefined();
    expect(headers['idempotency-key']).toBe('charge-1');
    expect(headers.authorization).toBeUndefined();
  });

  it("relays the service's status, body and headers as they are, problems included", async () => {
    wallet.answer = (_req, res) => {
      res
        .status(402)
        .set('Retry-After', '7')
        .type('application/problem+json')
        .send(
          JSON.stringify({ type: 'x', title: 'Payment required', status: 402, detail: 'poor' }),
        );
    };

    const response = await gateway.http().get('/api/v1/wallet').set('Authorization', fan.bearer);

    expect(response.status).toBe(402);
    expect(response.type).toBe('application/problem+json');
    expect(response.headers['retry-after']).toBe('7');
    expect(response.body).toEqual({
      type: 'x',
      title: 'Payment required',
      status: 402,
      detail: 'poor',
    });
  });

  it('streams a large answer through whole, with its length', async () => {
    const entries = Array.from({ length: 5000 }, (_, i) => ({ number: i + 1, kind: 'CHARGE' }));
    const body = JSON.stringify({ entries });
    wallet.answer = (_req, res) => res.type('application/json').send(body);

    const response = await gateway.http().get('/api/v1/wallet').set('Authorization', fan.bearer);

    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(response.text).toBe(body);
  });

  it('breaks off the answer when the service breaks off mid-body, never passing a part as whole', async () => {
    wallet.answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"entries":[');
      setTimeout(() => res.destroy(), 20);
    };

    const call = gateway
      .http()
      .get('/api/v1/wallet')
      .set('Authorization', fan.bearer)
      .timeout(2000);

    // A closed connection, not a client left waiting for the rest until it gives up.
    await expect(call).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
  });

  it('relays 201 with Location and an empty 204', async () => {
    reservation.answer = (_req, res) =>
      res.status(201).location('/api/v1/reservations/r1').json({ ok: 1 });
    queue.answer = (_req, res) => res.status(204).end();

    const held = await gateway
      .http()
      .get('/api/v1/reservations/r1')
      .set('Authorization', fan.bearer);
    const left = await gateway
      .http()
      .delete('/api/v1/queue/tokens/current')
      .set('Authorization', fan.bearer)
      .set('X-Queue-Token', 'qt-1');

    expect(held.status).toBe(201);
    expect(held.headers.location).toBe('/api/v1/reservations/r1');
    expect(left.status).toBe(204);
    expect(queue.received[0]?.headers['x-queue-token']).toBe('qt-1');
  });

  it('routes every public operation to its owning service on the same path', async () => {
    const admin = await signedInAdmin(gateway);
    const owners = {
      catalogue: concert,
      admin: concert,
      queue,
      'waiting-room-admin': queue,
      reservations: reservation,
      payments: reservation,
      wallet,
    };
    const active = {
      status: 'ACTIVE',
      expiresAt: new Date().toISOString(),
      scheduleId: randomUUID(),
    };
    queue.answer = (req, res) => (req.path === verifyPath ? res.json(active) : res.json({}));

    for (const route of Object.values(apiRoutes).filter((r) => r.tag !== 'auth')) {
      const path = route.path.replace(/\{\w+\}/g, 'some-id');
      const owner = owners[route.tag as keyof typeof owners];
      owner.received.length = 0;

      const call = gateway.http()[route.method](path);
      const response = await call.set('Authorization', admin.bearer).set('X-Queue-Token', 'qt');

      expect({ operation: route.operationId, status: response.status }).toEqual({
        operation: route.operationId,
        status: 200,
      });
      // A route with known query parameters is asked for with their defaults filled in.
      expect(owner.received.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toContain(
        `${route.method.toUpperCase()} ${path}`,
      );
    }
  });
});

const fanClaims = { sub: '00000000-0000-4000-8000-000000000000', role: 'user' };

describe('when the bearer token is missing or wrong', () => {
  it.each([
    ['no token', undefined],
    [
      'a token signed with another secret',
      `Bearer ${forgedToken({ sub: '00000000-0000-4000-8000-000000000000', role: 'user' }, 'x'.repeat(40))}`,
    ],
    [
      'an expired token',
      `Bearer ${forgedToken({ sub: '00000000-0000-4000-8000-000000000000', role: 'user' }, JWT_SECRET, -10)}`,
    ],
    [
      'a token without a role',
      `Bearer ${forgedToken({ sub: '00000000-0000-4000-8000-000000000000' }, JWT_SECRET)}`,
    ],
    [
      'a token for another audience',
      `Bearer ${forgedToken(fanClaims, JWT_SECRET, 3600, { ...TOKEN_AUDIENCE, audience: 'other-api' })}`,
    ],
    [
      'a token from another issuer',
      `Bearer ${forgedToken(fanClaims, JWT_SECRET, 3600, { ...TOKEN_AUDIENCE, issuer: 'someone-else' })}`,
    ],
    [
      'a token without issuer and audience',
      `Bearer ${forgedToken(fanClaims, JWT_SECRET, 3600, {})}`,
    ],
    [
      'a token without an expiry',
      `Bearer ${jwt.sign(fanClaims, JWT_SECRET, { algorithm: 'HS256', ...TOKEN_AUDIENCE })}`,
    ],
    ['another scheme', 'Basic Zm9vOmJhcg=='],
  ])('answers 401 for %s without calling the service', async (_case, authorization) => {
    const call = gateway.http().get('/api/v1/wallet');
    if (authorization) void call.set('Authorization', authorization);

    const response = await call;

    expect(response.status).toBe(401);
    expect(response.type).toBe('application/problem+json');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(wallet.received).toHaveLength(0);
  });

  it('says so when the token expired', async () => {
    const expired = forgedToken({ sub: fan.userId, role: 'user' }, JWT_SECRET, -10);

    const response = await gateway
      .http()
      .get('/api/v1/wallet')
      .set('Authorization', `Bearer ${expired}`);

    expect(response.body.detail).toMatch(/expired/);
  });

  it('answers 403 to a user on an admin route, and forwards an admin', async () => {
    const admin = await signedInAdmin(gateway);
    const body = { title: 'T', artist: 'A', venue: 'V' };

    const asUser = await gateway
      .http()
      .post('/api/v1/admin/concerts')
      .set('Authorization', fan.bearer)
      .send(body);
    const asAdmin = await gateway
      .http()
      .post('/api/v1/admin/concerts')
      .set('Authorization', admin.bearer)
      .send(body);

    expect(asUser.status).toBe(403);
    expect(asAdmin.status).toBe(200);
    expect(concert.received).toHaveLength(1);
    expect(concert.statementOf(concert.received[0])).toMatchObject({
      sub: admin.userId,
      role: 'admin',
      aud: 'concert',
    });
  });

  it('lets anyone read the catalogue, asking the concert on its own account', async () => {
    const response = await gateway.http().get('/api/v1/concerts').set('X-User-Id', fan.userId);

    expect(response.status).toBe(200);
    expect(concert.received[0]?.headers['x-user-id']).toBeUndefined();
    expect(concert.statementOf(concert.received[0])).toMatchObject({
      sub: 'gateway',
      role: 'service',
      aud: 'concert',
    });
  });
});

describe('when a fan holds a seat or pays', () => {
  const admittedTo = randomUUID();
  const verifyAnswers: Record<string, number> = {
    active: 200,
    waiting: 403,
    foreign: 404,
    expired: 410,
    busy: 503,
  };

  beforeEach(() => {
    queue.answer = (req, res) => {
      const status = verifyAnswers[(req.body as { queueToken: string }).queueToken] ?? 500;
      const active = {
        status: 'ACTIVE',
        expiresAt: new Date().toISOString(),
        scheduleId: admittedTo,
      };
      if (status === 200) res.json(active);
      else res.status(status).type('application/problem+json').send('{}');
    };
  });

  const hold = (queueToken?: string) => {
    const call = gateway.http().post('/api/v1/reservations').set('Authorization', fan.bearer);
    if (queueToken) void call.set('X-Queue-Token', queueToken);
    return call.send({ scheduleId: 's', seatId: 'x' });
  };

  it("asks the queue about the caller's token and forwards when it is ACTIVE", async () => {
    const response = await hold('active');

    expect(response.status).toBe(200);
    expect(queue.received).toEqual([
      expect.objectContaining({
        url: verifyPath,
        body: { userId: fan.userId, queueToken: 'active' },
      }),
    ]);
    expect(reservation.received[0]?.headers['x-queue-token']).toBe('active');
    expect(queue.statementOf(queue.received[0])).toMatchObject({ sub: 'gateway', role: 'service' });
    expect(reservation.statementOf(reservation.received[0])).toMatchObject({
      sub: fan.userId,
      role: 'user',
      aud: 'reservation',
      admittedTo,
    });
  });

  it.each([
    ['no queue token', undefined, 'missing'],
    ['a waiting token', 'waiting', 'waiting'],
    ["someone else's or an unknown token", 'foreign', 'unknown'],
    ['an expired token', 'expired', 'expired'],
  ])(
    'answers 403 for %s without reaching the reservation service',
    async (_case, token, reason) => {
      const response = await hold(token);

      expect(response.status).toBe(403);
      expect(response.type).toBe('application/problem+json');
      expect(response.body).toMatchObject({
        type: expect.stringContaining('queue-token-not-active'),
        reason,
      });
      expect(reservation.received).toHaveLength(0);
    },
  );

  it('answers 503 with Retry-After, not 403, when the waiting room is too busy to say', async () => {
    const response = await hold('busy');

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body).toMatchObject({ upstream: 'queue' });
    expect(reservation.received).toHaveLength(0);
  });

  it('answers 502 when the queue says ACTIVE without naming the schedule', async () => {
    queue.answer = (_req, res) =>
      res.json({ status: 'ACTIVE', expiresAt: new Date().toISOString() });

    const response = await hold('active');

    expect(response.status).toBe(502);
    expect(reservation.received).toHaveLength(0);
  });

  it('lets a payment through without asking the queue: the hold was the admission', async () => {
    const response = await gateway
      .http()
      .post('/api/v1/payments')
      .set('Authorization', fan.bearer)
      .set('X-Queue-Token', 'expired')
      .set('Idempotency-Key', 'pay-1')
      .send({ reservationId: 'r' });

    expect(response.status).toBe(200);
    expect(queue.received).toHaveLength(0);
    expect(reservation.statementOf(reservation.received[0])).not.toHaveProperty('admittedTo');
  });
});

describe('when a client asks for what is not public', () => {
  it.each([verifyPath, '/internal/seats/x', '/api/v1/nowhere'])(
    'answers 404 for %s',
    async (path) => {
      const response = await gateway.http().post(path).set('Authorization', fan.bearer).send({});

      expect(response.status).toBe(404);
      expect(response.type).toBe('application/problem+json');
      expect(queue.received).toHaveLength(0);
      expect(concert.received).toHaveLength(0);
    },
  );
});
