import { createRedis } from '@headliner/platform';
import { createTestRedis, eventually, infraUrl } from '@headliner/testing';
import type { SweepResult } from '../src/domain/token-outcomes';
import { startSweep } from '../src/jobs/sweep-worker';
import { quietLogger } from './support/test-queue';

const intervalMs = 300;
// The sweep's promise is two intervals; the rest is for a loaded test machine.
const slackMs = 1500;

/** `instances` sweepers of one waiting room, counting the sweeps their workers ran together. */
function startSweepers(instances: number) {
  const { redis, prefix, cleanup } = createTestRedis();
  let sweeps = 0;
  const sweepers = Array.from({ length: instances }, () => {
    const connection = createRedis(infraUrl('REDIS_URL'), 'worker', {
      name: 'queue-sweep',
      logger: quietLogger,
    });
    const sweep = startSweep({
      connection,
      keyPrefix: prefix,
      intervalMs,
      logger: quietLogger,
      waitingRoom: {
        sweep: async () => {
          sweeps += 1;
          return {} as SweepResult;
        },
      },
    });
    return { sweep, connection };
  });
  return {
    sweeps: async () => sweeps,
    /** Every key of this waiting room gone at once, as after FLUSHALL or a restart without data. */
    loseRedisData: () =>
      redis.eval(
        `for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end`,
        0,
        `${prefix}*`,
      ),
    stop: async () => {
      for (const { sweep, connection } of sweepers) {
        await sweep.close();
        await connection.quit();
      }
      await cleanup();
    },
  };
}

type Sweepers = ReturnType<typeof startSweepers>;

describe('when Redis loses the sweep scheduler while the service runs', () => {
  let sweepers: Sweepers;
  beforeAll(() => {
    sweepers = startSweepers(1);
  });
  afterAll(() => sweepers.stop());

  it('sweeps again within two intervals', async () => {
    await eventually(sweepers.sweeps, (count) => count >= 2, 10_000);

    await sweepers.loseRedisData();
    const lostAt = Date.now();
    const before = await sweepers.sweeps();
    await eventually(sweepers.sweeps, (count) => count > before, 10_000);

    expect(Date.now() - lostAt).toBeLessThan(2 * intervalMs + slackMs);
  });
});

describe('when three instances keep the same sweep scheduled', () => {
  let sweepers: Sweepers;
  beforeAll(() => {
    sweepers = startSweepers(3);
  });
  afterAll(() => sweepers.stop());

  it('sweeps once per interval, not once per instance, before and after a loss', async () => {
    const windowMs = 3_000;
    const ticks = windowMs / intervalMs;
    await eventually(sweepers.sweeps, (count) => count >= 1, 10_000);
    for (const lose of [false, true]) {
      if (lose) await sweepers.loseRedisData();
      const before = await sweepers.sweeps();
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      const ran = (await sweepers.sweeps()) - before;

      // A loaded machine may run a tick late, but no tick runs twice.
      expect(ran).toBeLessThanOrEqual(ticks + 1);
      expect(ran).toBeGreaterThanOrEqual(ticks / 3);
    }
  });
});
