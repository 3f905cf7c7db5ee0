import { Redis } from 'ioredis';
import { redisPauses } from '../injectors/redis-slow';
import { partialSystem } from './support/partial-system';
import { startScratchRedis, type ScratchRedis } from './support/scratch-redis';
import { timed } from './support/timed';

describe('redis-slow', () => {
  const fault = redisPauses({ pauseMs: 800, gapMs: 200 });
  let redis: ScratchRedis;
  let client: Redis;
  const system = () => partialSystem({ redisAdminUrl: redis.url });
  const pings = async (count: number) => {
    const durations: number[] = [];
    for (let i = 0; i < count; i += 1) {
      durations.push(await timed(() => client.ping()));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return durations;
  };

  beforeAll(async () => {
    redis = await startScratchRedis();
    client = new Redis(redis.url);
  });

  afterAll(async () => {
    if (redis) await fault.remove(system());
    client?.disconnect();
    await redis?.stop();
  });

  it('holds commands while injected, over and over, and answers at once after removal', async () => {
    expect(Math.max(...(await pings(3)))).toBeLessThan(100);

    await fault.inject(system());
    await fault.inject(system());
    const slowed = (await pings(15)).filter((ms) => ms > 300);
    // 15 pings over about 2.5 s meet more than one pause.
    expect(slowed.length).toBeGreaterThanOrEqual(2);

    await fault.remove(system());
    await fault.remove(system());
    expect(Math.max(...(await pings(15)))).toBeLessThan(100);
  });
});
