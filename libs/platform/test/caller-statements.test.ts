import { CALLER_STATEMENT_HEADER, signCallerStatement } from '@headliner/contracts';
import { asService, asUser, testInternalAuthSecret } from '@headliner/testing';
import { Router } from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import {
  createHttpApp,
  createLogger,
  serviceCallersOnly,
  signedInUser,
  verifiedCaller,
} from '../src';

const logger = createLogger({ service: 'test', level: 'silent' });

const previousSecret = 'the-previous-secret-of-at-least-32-characters';

function walletLikeApp({ alsoAccepted }: { alsoAccepted?: string[] } = {}) {
  const changes: string[] = [];
  const routes = Router();
  routes.post('/api/v1/wallet/charges', (_req, res) => {
    changes.push(signedInUser(res).sub);
    res.json({ charged: true });
  });
  routes.get('/api/v1/whoami', (_req, res) => {
    res.json(verifiedCaller(res));
  });
  routes.post('/internal/check', serviceCallersOnly, (_req, res) => {
    res.json({ checked: true });
  });
  const app = createHttpApp({
    logger,
    routes,
    metrics: new Registry(),
    callers: { secret: testInternalAuthSecret, alsoAccepted, audience: 'wallet' },
  });
  return { app, changes };
}

describe('when a service verifies its callers', () => {
  it('lets a signed-in fan through and gives the route who they are', async () => {
    const { app, changes } = walletLikeApp();
    const userId = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

    const res = await request(app).post('/api/v1/wallet/charges').set(asUser('wallet', { userId }));

    expect(res.status).toBe(200);
    expect(changes).toEqual([userId]);
  });

  it.each([
    ['no statement', {}, 'missing'],
    ['the raw user headers', { 'x-user-id': '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b' }, 'missing'],
    ['a statement signed with another secret', 'forged', 'signature'],
    ['a statement for another service', 'elsewhere', 'audience'],
    ['garbage', { [CALLER_STATEMENT_HEADER]: 'garbage' }, 'malformed'],
  ])('refuses %s with a 401 problem naming it, and runs no route', async (_, sent, problem) => {
    const { app, changes } = walletLikeApp();
    const headers =
      sent === 'forged'
        ? asUser('wallet', { secret: 'another-secret-of-at-least-32-characters!' })
        : sent === 'elsewhere'
          ? asUser('queue')
          : (sent as Record<string, string>);

    const res = await request(app).post('/api/v1/wallet/charges').set(headers).send({});

    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 401,
      type: 'https://headliner.dev/problems/caller-statement-rejected',
      problem,
    });
    expect(JSON.stringify(res.body)).not.toContain(testInternalAuthSecret);
    expect(changes).toEqual([]);
  });

  it('during a rotation, accepts statements signed with the secret it is told to accept too', async () => {
    const signedBefore = asUser('wallet', { secret: previousSecret });

    const refused = await request(walletLikeApp().app)
      .post('/api/v1/wallet/charges')
      .set(signedBefore);
    const { app, changes } = walletLikeApp({ alsoAccepted: [previousSecret] });
    const accepted = await request(app).post('/api/v1/wallet/charges').set(signedBefore);

    expect(refused.status).toBe(401);
    expect(accepted.status).toBe(200);
    expect(changes).toHaveLength(1);
  });

  it('answers probes without a statement, and nothing else', async () => {
    const { app } = walletLikeApp();

    expect((await request(app).get('/health/live')).status).toBe(200);
    expect((await request(app).get('/health/ready')).status).toBe(200);
    expect((await request(app).get('/metrics')).status).toBe(401);
  });

  it('refuses a service statement on a route that acts for a user', async () => {
    const { app, changes } = walletLikeApp();

    const res = await request(app)
      .post('/api/v1/wallet/charges')
      .set(asService('reservation', 'wallet'));

    expect(res.status).toBe(403);
    expect(changes).toEqual([]);
  });

  it('lets only services call a service-only route', async () => {
    const { app } = walletLikeApp();

    expect((await request(app).post('/internal/check').set(asUser('wallet'))).status).toBe(403);
    const byGateway = await request(app)
      .post('/internal/check')
      .set(asService('gateway', 'wallet'));
    expect(byGateway.status).toBe(200);
  });

  describe('when the same statement comes again', () => {
    const issuedAt = Date.now();
    const fan = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const statement = signCallerStatement(
      { sub: fan, role: 'user', aud: 'wallet' },
      testInternalAuthSecret,
      { ttlSeconds: 10, now: issuedAt },
    );
    const at = (ms: number) => jest.spyOn(Date, 'now').mockReturnValue(issuedAt + ms);
    afterEach(() => jest.restoreAllMocks());

    it('refuses it once expired, though it was accepted (and remembered) before', async () => {
      const { app, changes } = walletLikeApp();
      const charge = () =>
        request(app).post('/api/v1/wallet/charges').set(CALLER_STATEMENT_HEADER, statement);

      at(0);
      expect((await charge()).status).toBe(200);
      at(9_000);
      expect((await charge()).status).toBe(200);
      // Past exp and the clock leeway beyond it.
      at(16_000);
      const late = await charge();

      expect(late.status).toBe(401);
      expect(late.body).toMatchObject({ problem: 'expired' });
      expect(changes).toEqual([fan, fan]);
    });

    it('refuses a copy with one character of its signature changed', async () => {
      const { app, changes } = walletLikeApp();
      const last = statement.at(-1) === 'A' ? 'B' : 'A';
      const tampered = `${statement.slice(0, -1)}${last}`;

      at(0);
      const accepted = await request(app)
        .post('/api/v1/wallet/charges')
        .set(CALLER_STATEMENT_HEADER, statement);
      const refused = await request(app)
        .post('/api/v1/wallet/charges')
        .set(CALLER_STATEMENT_HEADER, tampered);

      expect(accepted.status).toBe(200);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ problem: 'signature' });
      expect(changes).toEqual([fan]);
    });
  });
});
