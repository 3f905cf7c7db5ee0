import { eventually, infraUrl } from '@headliner/testing';
import { Redis } from 'ioredis';
import { register } from 'prom-client';
import { watchReadiness } from '../src/http/readiness-metrics';

async function dependencyUp(dependency: string): Promise<number | undefined> {
  const metric = await register.getSingleMetric('readiness_dependency_up')?.get();
  return metric?.values.find((value) => value.labels.dependency === dependency)?.value;
}

describe('when a service watches its readiness checks', () => {
  const reachable = new Redis(infraUrl('REDIS_URL'), { lazyConnect: true });
  // A port nothing listens on: Redis unreachable, each ping refused.
  const unreachable = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let stop: (() => void) | undefined;

  afterAll(() => {
    stop?.();
    reachable.disconnect();
    // Given up already (no retries): a disconnect would wait out a socket that never opened.
    if (unreachable.status !== 'end') unreachable.disconnect();
  });

  it('says 1 for a dependency that answers and 0 for one that does not, without a probe', async () => {
    unreachable.on('error', () => undefined);
    await reachable.connect();
    stop = watchReadiness({
      needed: {
        'redis-reachable': () => reachable.ping(),
      },
      degradedWithout: { 'redis-unreachable': () => unreachable.ping() },
      timeoutMs: 500,
      intervalMs: 50,
    });

    expect(
      await eventually(
        () => dependencyUp('redis-reachable'),
        (up) => up === 1,
      ),
    ).toBe(1);
    expect(
      await eventually(
        () => dependencyUp('redis-unreachable'),
        (up) => up === 0,
      ),
    ).toBe(0);
  });

  it('flips to 0 when the connection goes away, and back to 1 when it returns', async () => {
    reachable.disconnect();
    expect(
      await eventually(
        () => dependencyUp('redis-reachable'),
        (up) => up === 0,
      ),
    ).toBe(0);

    await reachable.connect();
    expect(
      await eventually(
        () => dependencyUp('redis-reachable'),
        (up) => up === 1,
      ),
    ).toBe(1);
  });
});
