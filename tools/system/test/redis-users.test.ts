import { localRedisUsers, systemRedisUsers } from '../src/redis-logins';
import { keyPrefixOf, redisUrlAs, redisUserRules, type RedisUser } from '../src/redis-users';

const queueUser: RedisUser = {
  service: 'queue',
  username: 'queue',
  password: 'secret',
  keyPrefix: 'queue:',
};

describe("a service's Redis user", () => {
  it('reaches only the keys under its prefix, no channel, and no dangerous command but INFO', () => {
    expect(redisUserRules(queueUser)).toEqual([
      'reset',
      'on',
      '>secret',
      '~queue:*',
      'resetchannels',
      '+@all',
      '-@dangerous',
      '+info',
    ]);
  });

  it('takes a prefix with glob characters literally', () => {
    const rules = redisUserRules({ ...queueUser, keyPrefix: 'a*b?[c]\\:' });
    expect(rules).toContain('~a\\*b\\?\\[c\\]\\\\:*');
  });

  it("follows each service's prefix setting, or its default", () => {
    expect(keyPrefixOf('gateway', {})).toBe('gateway:rate:');
    expect(keyPrefixOf('queue', {})).toBe('queue:');
    expect(keyPrefixOf('concert', {})).toBe('concert:');
    expect(keyPrefixOf('reservation', {})).toBe('reservation:');
    expect(keyPrefixOf('reservation', { REDIS_KEY_PREFIX: 'e2e:1:reservation:' })).toBe(
      'e2e:1:reservation:',
    );
    expect(keyPrefixOf('gateway', { QUEUE_KEY_PREFIX: 'other:' })).toBe('gateway:rate:');
  });

  it('logs in through the URL of the same Redis', () => {
    expect(redisUrlAs('redis://default:admin@127.0.0.1:6379', queueUser)).toBe(
      'redis://queue:secret@127.0.0.1:6379',
    );
  });
});

describe('which users a system gets', () => {
  const saved = process.env.REDIS_SERVICE_USERS;
  afterEach(() => {
    process.env.REDIS_SERVICE_USERS = saved;
  });

  it('gives none when the Redis has no users per service (e.g. a managed one)', () => {
    delete process.env.REDIS_SERVICE_USERS;
    expect(localRedisUsers({}, () => 'pw')).toBeUndefined();
    expect(systemRedisUsers('e2e-1', {})).toBeUndefined();
  });

  it("gives npm start's services their checkout's passwords, and a test system random ones", () => {
    process.env.REDIS_SERVICE_USERS = 'on';
    expect(localRedisUsers({}, (name) => `from ${name}`)).toEqual([
      {
        service: 'gateway',
        username: 'gateway',
        password: 'from secrets/redis-gateway',
        keyPrefix: 'gateway:rate:',
      },
      {
        service: 'queue',
        username: 'queue',
        password: 'from secrets/redis-queue',
        keyPrefix: 'queue:',
      },
      {
        service: 'concert',
        username: 'concert',
        password: 'from secrets/redis-concert',
        keyPrefix: 'concert:',
      },
      {
        service: 'reservation',
        username: 'reservation',
        password: 'from secrets/redis-reservation',
        keyPrefix: 'reservation:',
      },
    ]);
    const [first, second] = [systemRedisUsers('e2e-1', {})!, systemRedisUsers('e2e-1', {})!];
    expect(first.map((user) => user.username)).toEqual([
      'e2e-1-gateway',
      'e2e-1-queue',
      'e2e-1-concert',
      'e2e-1-reservation',
    ]);
    expect(first[0]!.password).toMatch(/^[0-9a-f]{48}$/);
    expect(first[0]!.password).not.toBe(second[0]!.password);
  });
});
