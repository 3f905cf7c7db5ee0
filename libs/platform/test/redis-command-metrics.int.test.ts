import { infraUrl, whenRedisReady } from '@headliner/testing';
import type { Redis } from 'ioredis';
import { register } from 'prom-client';
import { createRedis } from '../src/redis/create-redis';
import { quietLogger } from './support/ticket-service';

async function commandsTimed(command: string): Promise<number> {
  const metric = await register.getSingleMetric('redis_command_duration_seconds')?.get();
  // A histogram's values carry their series' name: _bucket, _sum or _count.
  const values = (metric?.values ?? []) as { metricName?: string; labels: object; value: number }[];
  const count = values.find(
    (value) =>
      value.metricName === 'redis_command_duration_seconds_count' &&
      (value.labels as { command?: string }).command === command,
  );
  return count?.value ?? 0;
}

describe('when a service sends Redis commands', () => {
  let redis: Redis;
  const key = `command-metrics-${process.pid}`;

  beforeAll(async () => {
    redis = createRedis(infraUrl('REDIS_URL'), 'request', {
      name: 'command-metrics-test',
      logger: quietLogger,
      commandTimeoutMs: 1000,
    });
    redis.defineCommand('bumpTwice', {
      numberOfKeys: 1,
      lua: 'return redis.call("INCRBY", KEYS[1], 2)',
    });
    await whenRedisReady(redis);
  });
  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('times each command once by its lower-case name, a pipeline’s one by one', async () => {
    const [sets, gets] = [await commandsTimed('set'), await commandsTimed('get')];

    await redis.set(key, '1');
    await redis.pipeline().get(key).get(key).exec();

    expect((await commandsTimed('set')) - sets).toBe(1);
    expect((await commandsTimed('get')) - gets).toBe(2);
  });

  it('times a script as evalsha, not by the name the service gave it', async () => {
    const scripts = await commandsTimed('evalsha');

    await (redis as Redis & { bumpTwice(key: string): Promise<number> }).bumpTwice(key);

    expect((await commandsTimed('evalsha')) - scripts).toBe(1);
    expect(await commandsTimed('bumpTwice')).toBe(0);
  });
});
