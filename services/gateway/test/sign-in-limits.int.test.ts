import { PASSWORD, signedInUser, uniqueUsername } from './support/accounts';
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

const login = (gateway: TestGateway, username: string, password: string, forwardedFor?: string) => {
  const call = gateway.http().post('/api/v1/auth/login');
  if (forwardedFor) void call.set('X-Forwarded-For', forwardedFor);
  return call.send({ username, password });
};

async function failTimes(gateway: TestGateway, times: number, username: string) {
  for (let i = 0; i < times; i += 1) {
    expect((await login(gateway, username, 'wrong-password')).status).toBe(401);
  }
}

describe('when logins for one username keep failing', () => {
  const limits = { LOGIN_FAILURES_PER_USERNAME: '3', LOGIN_FAILURE_WINDOW_SECONDS: '60' };

  it('answers 429 with Retry-After, even to the right password, until the window ends', async () => {
    const gateway = infra.startGateway(limits);
    const { username } = await signedInUser(gateway);
    await failTimes(gateway, 3, username);

    const response = await login(gateway, username, PASSWORD);

    expect(response.status).toBe(429);
    expect(response.type).toBe('application/problem+json');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(response.body.accessToken).toBeUndefined();
  });

  it('answers an unknown username exactly as a known one, so a 429 tells no one who exists', async () => {
    const gateway = infra.startGateway(limits);
    const { username } = await signedInUser(gateway);
    const unknown = uniqueUsername();
    await failTimes(gateway, 3, username);
    await failTimes(gateway, 3, unknown);

    const [known, stranger] = await Promise.all([
      login(gateway, username, 'wrong-password'),
      login(gateway, unknown, 'wrong-password'),
    ]);

    expect(stranger.status).toBe(known.status);
    expect(stranger.body).toEqual(known.body);
  });

  it('lets the fan in again once the window ended', async () => {
    const gateway = infra.startGateway({ ...limits, LOGIN_FAILURE_WINDOW_SECONDS: '1' });
    const { username } = await signedInUser(gateway);
    await failTimes(gateway, 3, username);
    expect((await login(gateway, username, PASSWORD)).status).toBe(429);

    await new Promise((resolve) => setTimeout(resolve, 1100));

    expect((await login(gateway, username, PASSWORD)).status).toBe(200);
  });

  it('forgets the failures at a successful login', async () => {
    const gateway = infra.startGateway(limits);
    const { username } = await signedInUser(gateway);
    await failTimes(gateway, 2, username);
    expect((await login(gateway, username, PASSWORD)).status).toBe(200);

    await failTimes(gateway, 2, username);

    expect((await login(gateway, username, PASSWORD)).status).toBe(200);
  });

  it('counts them across gateway replicas', async () => {
    const first = infra.startGateway(limits);
    const second = infra.startGateway({
      ...limits,
      RATE_LIMIT_KEY_PREFIX: first.config.RATE_LIMIT_KEY_PREFIX,
    });
    const { username } = await signedInUser(first);
    await failTimes(first, 3, username);

    expect((await login(second, username, PASSWORD)).status).toBe(429);
  });
});

describe('when one client tries many usernames', () => {
  it('answers 429 to that client for any username, and not to another client', async () => {
    const gateway = infra.startGateway({
      LOGIN_FAILURES_PER_IP: '3',
      TRUSTED_PROXIES: 'loopback',
    });
    const { username } = await signedInUser(gateway);
    for (let i = 0; i < 3; i += 1) {
      await login(gateway, uniqueUsername(), 'wrong-password', '203.0.113.7');
    }

    expect((await login(gateway, username, PASSWORD, '203.0.113.7')).status).toBe(429);
    expect((await login(gateway, username, PASSWORD, '198.51.100.9')).status).toBe(200);
  });

  it('does not forget the client failures when that client signs in to its own account', async () => {
    const gateway = infra.startGateway({ LOGIN_FAILURES_PER_IP: '3' });
    const { username } = await signedInUser(gateway);
    await failTimes(gateway, 2, uniqueUsername());
    expect((await login(gateway, username, PASSWORD)).status).toBe(200);

    await failTimes(gateway, 1, uniqueUsername());

    expect((await login(gateway, uniqueUsername(), 'wrong-password')).status).toBe(429);
  });
});

describe('when Redis is down', () => {
  it('still signs fans in and up, unthrottled', async () => {
    const gateway = infra.startGateway(
      { LOGIN_FAILURES_PER_USERNAME: '1', SIGNUPS_PER_IP: '1' },
      {
        redis: unreachableRedis(),
      },
    );
    const username = uniqueUsername();

    const signup = await gateway
      .http()
      .post('/api/v1/auth/signup')
      .send({ username, password: PASSWORD });
    await login(gateway, username, 'wrong-password');
    const response = await login(gateway, username, PASSWORD);

    expect(signup.status).toBe(201);
    expect(response.status).toBe(200);
  });
});

describe('when one client signs up many accounts', () => {
  it('answers 429 with Retry-After past the limit, and creates no account', async () => {
    const gateway = infra.startGateway({ SIGNUPS_PER_IP: '2', SIGNUP_WINDOW_SECONDS: '600' });
    const signup = (username: string) =>
      gateway.http().post('/api/v1/auth/signup').send({ username, password: PASSWORD });
    expect((await signup(uniqueUsername())).status).toBe(201);
    expect((await signup(uniqueUsername())).status).toBe(201);
    const username = uniqueUsername();

    const response = await signup(username);

    expect(response.status).toBe(429);
    expect(response.type).toBe('application/problem+json');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(590);
    expect(await infra.prisma.user.count({ where: { username } })).toBe(0);
  });
});

describe('when more logins arrive at once than there are hash slots', () => {
  it('answers the rest 503 with Retry-After at once, and other routes keep answering', async () => {
    const gateway = infra.startGateway({
      PASSWORD_HASHES_IN_FLIGHT: '2',
      PASSWORD_SCRYPT_COST: '16384',
    });
    const { username } = await signedInUser(gateway);

    const [logins, catalogue] = await Promise.all([
      Promise.all(Array.from({ length: 12 }, () => login(gateway, username, PASSWORD))),
      gateway.http().get('/api/v1/concerts'),
    ]);

    const busy = logins.filter((response) => response.status === 503);
    expect(logins.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.headers['retry-after']).toBe('1');
    expect(busy[0]!.type).toBe('application/problem+json');
    expect(catalogue.status).toBe(200);
  });
});

describe('when the sign-ins holding the hash slots are slow to read', () => {
  it('refuses the surplus at once, before it reads the users table', async () => {
    const gateway = infra.startGateway({ PASSWORD_HASHES_IN_FLIGHT: '2' });
    const { username } = await signedInUser(gateway);
    const answered: number[] = [];
    let unlock!: () => void;
    let locked!: () => void;
    const tableLocked = new Promise<void>((resolve) => (locked = resolve));
    const lock = infra.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE users IN ACCESS EXCLUSIVE MODE`;
        locked();
        await new Promise<void>((resolve) => (unlock = resolve));
      },
      { timeout: 30_000 },
    );
    await tableLocked;

    const logins = Array.from({ length: 6 }, () =>
      login(gateway, username, PASSWORD).then((response) => {
        answered.push(response.status);
        return response;
      }),
    );
    // Four answer while the two in the slots wait for the table.
    while (answered.length < 4) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toEqual([503, 503, 503, 503]);
    unlock();
    await lock;

    const statuses = (await Promise.all(logins)).map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
  });
});
