import { serviceEnv, type SystemEnv } from '../src/service-env';

const system: SystemEnv = {
  portBase: 19080,
  databaseUrls: {
    gateway: 'postgresql://db/gateway',
    concert: 'postgresql://db/concert',
    reservation: 'postgresql://db/reservation',
    wallet: 'postgresql://db/wallet',
  },
  reconciliation: true,
  env: { LOG_LEVEL: 'warn' },
};

describe('when a system runs from a port base', () => {
  it('gives each service its own ports and every service the others’ URLs from the base', () => {
    const env = serviceEnv('reservation', system);

    expect(env.PORT).toBe('19083');
    expect(env.MANAGEMENT_PORT).toBe('19088');
    expect(env).toMatchObject({
      QUEUE_URL: 'http://127.0.0.1:19081',
      CONCERT_URL: 'http://127.0.0.1:19082',
      RESERVATION_URL: 'http://127.0.0.1:19083',
      WALLET_URL: 'http://127.0.0.1:19084',
      LOG_LEVEL: 'warn',
    });
  });
});

describe('when a service owns a database', () => {
  it('gets its own database and a service without one gets none', () => {
    expect(serviceEnv('wallet', system).DATABASE_URL).toBe('postgresql://db/wallet');
    expect(serviceEnv('queue', { ...system, env: { DATABASE_URL: 'x' } }).DATABASE_URL).toBe(
      undefined,
    );
  });
});

describe('when the reconciliation runs', () => {
  it('gives the reservation service, and no other, the wallet’s and the catalogue’s databases', () => {
    expect(serviceEnv('reservation', system)).toMatchObject({
      RECONCILE_WALLET_DATABASE_URL: 'postgresql://db/wallet',
      RECONCILE_CONCERT_DATABASE_URL: 'postgresql://db/concert',
    });
    expect(serviceEnv('wallet', system).RECONCILE_WALLET_DATABASE_URL).toBeUndefined();
    expect(
      serviceEnv('reservation', { ...system, reconciliation: false }).RECONCILE_WALLET_DATABASE_URL,
    ).toBeUndefined();
  });
});

describe('when the system’s settings name a service’s URL', () => {
  it('uses theirs rather than the one from the port base', () => {
    const env = serviceEnv('gateway', { ...system, env: { WALLET_URL: 'http://wallet.internal' } });

    expect(env.WALLET_URL).toBe('http://wallet.internal');
  });
});

describe('when the services log in to Redis as users of their own', () => {
  const withUsers: SystemEnv = {
    ...system,
    env: { REDIS_URL: 'redis://default:admin@127.0.0.1:6379' },
    redisUsers: [{ service: 'queue', username: 'queue', password: 'pw', keyPrefix: 'queue:' }],
  };

  it('gives each its own login and a service without a user no Redis at all', () => {
    expect(serviceEnv('queue', withUsers).REDIS_URL).toBe('redis://queue:pw@127.0.0.1:6379');
    expect(serviceEnv('wallet', withUsers).REDIS_URL).toBeUndefined();
    expect(serviceEnv('wallet', { ...withUsers, redisUsers: undefined }).REDIS_URL).toBe(
      'redis://default:admin@127.0.0.1:6379',
    );
  });
});
