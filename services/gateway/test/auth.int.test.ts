import jwt from 'jsonwebtoken';
import { adminUserIdOf } from '../src/domain/admin-account';
import { PASSWORD, signedInUser, uniqueUsername } from './support/accounts';
import {
  JWT_SECRET,
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

const signup = (body: unknown) =>
  gateway
    .http()
    .post('/api/v1/auth/signup')
    .send(body as object);
const login = (body: unknown) =>
  gateway
    .http()
    .post('/api/v1/auth/login')
    .send(body as object);

describe('when a fan signs up', () => {
  it('creates the account and stores only a salted scrypt hash of the password', async () => {
    const username = uniqueUsername();

    const response = await signup({ username, password: PASSWORD });

    expect(response.status).toBe(201);
    const user = await infra.prisma.user.findUniqueOrThrow({ where: { username } });
    expect(response.body).toEqual({ userId: user.id });
    expect(user.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  it('refuses a username that is taken with 409', async () => {
    const username = uniqueUsername();
    await signup({ username, password: PASSWORD });

    const response = await signup({ username, password: 'another-password' });

    expect(response.status).toBe(409);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      status: 409,
      type: expect.stringContaining('username-taken'),
    });
  });

  it('lets exactly one of 20 simultaneous signups for one name through', async () => {
    const username = uniqueUsername();

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => signup({ username, password: PASSWORD })),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    expect(await infra.prisma.user.count({ where: { username } })).toBe(1);
  });

  it("refuses the admin's username", async () => {
    expect((await signup({ username: 'admin', password: PASSWORD })).status).toBe(409);
  });

  it.each([
    ['a short password', { username: 'fan_short', password: 'short' }, 'body.password'],
    ['a username with spaces', { username: 'bad name', password: PASSWORD }, 'body.username'],
    [
      'an unexpected field',
      { username: 'fan_extra', password: PASSWORD, role: 'admin' },
      'body.role',
    ],
    ['a missing password', { username: 'fan_nopass' }, 'body.password'],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const response = await signup(body);

    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  it('answers 400 for a body that is not valid JSON', async () => {
    const response = await gateway
      .http()
      .post('/api/v1/auth/signup')
      .set('content-type', 'application/json')
      .send('{"username": "fan",');

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'body', rule: 'json' }),
    ]);
  });
});

describe('when a fan logs in', () => {
  it('returns an HS256 access token naming the user, the role, issuer, audience and lifetime', async () => {
    const { userId, accessToken } = await signedInUser(gateway);

    const claims = jwt.verify(accessToken, JWT_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;

    expect(claims).toMatchObject({
      sub: userId,
      role: 'user',
      iss: 'headliner-gateway',
      aud: 'headliner-api',
    });
    expect(claims.exp! - claims.iat!).toBe(900);
  });

  it('answers the access token with a refresh token and its lifetime in seconds', async () => {
    const { username } = await signedInUser(gateway);

    const response = await login({ username, password: PASSWORD });

    expect(response.body).toEqual({
      accessToken: expect.any(String),
      userId: expect.any(String),
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresIn: 900,
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('renews a hash made with older parameters at the first login, and still signs in after', async () => {
    const username = uniqueUsername();
    await signup({ username, password: PASSWORD });
    const stronger = infra.startGateway({
      PASSWORD_SCRYPT_COST: '2048',
      PASSWORD_SCRYPT_PARALLELISM: '2',
    });
    const signIn = () =>
      stronger.http().post('/api/v1/auth/login').send({ username, password: PASSWORD });

    expect((await signIn()).status).toBe(200);

    const user = await infra.prisma.user.findUniqueOrThrow({ where: { username } });
    expect(user.passwordHash).toMatch(/^scrypt\$2048\$8\$2\$/);
    expect((await signIn()).status).toBe(200);
  });

  it('keeps an older hash when the password was wrong', async () => {
    const username = uniqueUsername();
    await signup({ username, password: PASSWORD });
    const stronger = infra.startGateway({ PASSWORD_SCRYPT_COST: '2048' });

    await stronger.http().post('/api/v1/auth/login').send({ username, password: 'wrong-password' });

    const user = await infra.prisma.user.findUniqueOrThrow({ where: { username } });
    expect(user.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it('answers 401 for a wrong password', async () => {
    const { username } = await signedInUser(gateway);

    const response = await login({ username, password: 'wrong-password' });

    expect(response.status).toBe(401);
    expect(response.type).toBe('application/problem+json');
    expect(response.body.accessToken).toBeUndefined();
  });

  it('answers the same 401 for an unknown username', async () => {
    const response = await login({ username: uniqueUsername(), password: PASSWORD });

    expect(response.status).toBe(401);
    expect(response.body.detail).toBe('Wrong username or password.');
  });

  it('answers 400 naming the field for a missing password', async () => {
    const response = await login({ username: 'someone' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.password' })]);
  });

  // Found by fuzzing: PostgreSQL refuses 0x00 in text, so this reached the database as a 500.
  it('answers 400 naming the field and the rule for a NUL in the username', async () => {
    const response = await login({ username: 'kim\u0000', password: PASSWORD });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'body.username',
        rule: 'invalid_format',
        message: 'must not contain control characters',
      },
    ]);
  });

  it('signs in a fan whose password has emoji, each counted as one character', async () => {
    const username = uniqueUsername();
    const password = '🎤'.repeat(72);
    expect((await signup({ username, password })).status).toBe(201);
    expect((await login({ username, password })).status).toBe(200);
  });
});

describe('when the admin logs in', () => {
  it('signs in with the configured credentials as an admin with a stable userId', async () => {
    const response = await login({ username: 'admin', password: gateway.config.ADMIN_PASSWORD });

    expect(response.status).toBe(200);
    const claims = jwt.verify(response.body.accessToken, JWT_SECRET) as jwt.JwtPayload;
    expect(claims).toMatchObject({ sub: adminUserIdOf('admin'), role: 'admin' });
    expect(response.body.userId).toBe(adminUserIdOf('admin'));
  });

  it('answers 401 for a wrong admin password', async () => {
    expect((await login({ username: 'admin', password: 'not-the-password' })).status).toBe(401);
  });

  it('uses ADMIN_USER_ID when it is configured', async () => {
    const adminUserId = '7f1c0b8e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    const configured = infra.startGateway({ ADMIN_USERNAME: 'boss', ADMIN_USER_ID: adminUserId });

    const response = await configured
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'boss', password: configured.config.ADMIN_PASSWORD });

    expect(response.body.userId).toBe(adminUserId);
  });
});
