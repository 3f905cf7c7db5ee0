import { randomUUID } from 'node:crypto';
import { refreshTokenHash } from '../src/domain/refresh-token';
import { PASSWORD, signedInUser } from './support/accounts';
import {
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';

let infra: TestInfrastructure;
let gateway: TestGateway;

beforeAll(async () => {
  infra = await startTestInfrastructure();
  gateway = infra.startGateway();
});
afterAll(() => infra.stop());

const refresh = (refreshToken: string) =>
  gateway.http().post('/api/v1/auth/refresh').send({ refreshToken });
const logout = (refreshToken: string) =>
  gateway.http().post('/api/v1/auth/logout').send({ refreshToken });

async function firstRefreshToken(): Promise<{ refreshToken: string; userId: string }> {
  const { username } = await signedInUser(gateway);
  const response = await gateway
    .http()
    .post('/api/v1/auth/login')
    .send({ username, password: PASSWORD });
  return response.body as { refreshToken: string; userId: string };
}

const wallet = (accessToken: string) =>
  gateway.http().get('/api/v1/wallet').set('authorization', `Bearer ${accessToken}`);

describe('when a fan refreshes', () => {
  it('answers a new access token for the same fan and a new refresh token', async () => {
    const { refreshToken, userId } = await firstRefreshToken();

    const response = await refresh(refreshToken);

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      userId,
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresIn: 900,
    });
    expect(response.body.refreshToken).not.toBe(refreshToken);
    expect((await wallet(response.body.accessToken)).status).toBe(200);
  });

  it('keeps only a hash of the refresh token in the database', async () => {
    const { refreshToken, userId } = await firstRefreshToken();

    const hashes = (await infra.prisma.refreshToken.findMany({ where: { userId } })).map(
      (row) => row.tokenHash,
    );

    expect(hashes).toContain(refreshTokenHash(refreshToken));
    expect(hashes.some((hash) => hash.includes(refreshToken))).toBe(false);
  });

  it('refuses a refresh token used once already with 401', async () => {
    const { refreshToken } = await firstRefreshToken();
    await refresh(refreshToken);

    const reuse = await refresh(refreshToken);

    expect(reuse.status).toBe(401);
    expect(reuse.type).toBe('application/problem+json');
  });

  it('revokes the whole sign-in when a used refresh token comes back, as when one was stolen', async () => {
    const { refreshToken } = await firstRefreshToken();
    const successor = (await refresh(refreshToken)).body.refreshToken as string;

    await refresh(refreshToken);

    expect((await refresh(successor)).status).toBe(401);
  });

  it('lets one of two simultaneous refreshes with one token through', async () => {
    const { refreshToken } = await firstRefreshToken();

    const statuses = (await Promise.all([refresh(refreshToken), refresh(refreshToken)]))
      .map((response) => response.status)
      .sort();

    expect(statuses).toEqual([200, 401]);
  });

  it('refuses an unknown refresh token with 401 and an empty one with 400', async () => {
    expect((await refresh('a'.repeat(43))).status).toBe(401);
    expect((await refresh('')).status).toBe(400);
  });

  it('refuses a refresh token past its lifetime', async () => {
    const shortLived = infra.startGateway({ REFRESH_TOKEN_TTL_SECONDS: '1' });
    const { username } = await signedInUser(shortLived);
    const { refreshToken } = (
      await shortLived.http().post('/api/v1/auth/login').send({ username, password: PASSWORD })
    ).body as { refreshToken: string };
    await new Promise((resolve) => setTimeout(resolve, 1100));

    expect((await refresh(refreshToken)).status).toBe(401);
  });
});

describe('when refresh tokens expire', () => {
  it('each new one removes up to two expired ones, so the table does not grow for ever', async () => {
    const { username, userId } = await signedInUser(gateway);
    // Older than anything another test left expired: these are the first to go.
    const longAgo = new Date('2000-01-01T00:00:00Z');
    await infra.prisma.refreshToken.updateMany({ where: { userId }, data: { expiresAt: longAgo } });
    const family = randomUUID();
    await infra.prisma.refreshToken.createMany({
      data: [1, 2, 3].map((n) => ({
        id: randomUUID(),
        familyId: family,
        userId,
        role: 'user',
        tokenHash: `expired-${userId}-${n}`,
        expiresAt: longAgo,
      })),
    });
    const expired = () =>
      infra.prisma.refreshToken.count({ where: { userId, expiresAt: longAgo } });
    const before = await expired();

    const login = await gateway
      .http()
      .post('/api/v1/auth/login')
      .send({ username, password: PASSWORD });

    expect(login.status).toBe(200);
    expect(before).toBe(4);
    expect(await expired()).toBe(2);
  });
});

describe('when a fan logs out', () => {
  it('answers 204 and the refresh token, and those refreshed from it, stop working', async () => {
    const { refreshToken } = await firstRefreshToken();
    const successor = (await refresh(refreshToken)).body.refreshToken as string;

    const response = await logout(successor);

    expect(response.status).toBe(204);
    expect((await refresh(successor)).status).toBe(401);
  });

  it('leaves the fan signed in on other devices', async () => {
    const { username } = await signedInUser(gateway);
    const signIn = () =>
      gateway.http().post('/api/v1/auth/login').send({ username, password: PASSWORD });
    const phone = (await signIn()).body.refreshToken as string;
    const laptop = (await signIn()).body.refreshToken as string;

    await logout(phone);

    expect((await refresh(laptop)).status).toBe(200);
  });

  it('answers 204 for a token it does not know, telling nothing', async () => {
    expect((await logout('b'.repeat(43))).status).toBe(204);
  });
});
