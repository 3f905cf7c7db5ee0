import { createTestRedis } from '@headliner/testing';
import { leasedRateLimiter } from '../src/infra/leased-rate-limiter';
import { redisTokenBuckets, type TakeTokens } from '../src/infra/rate-limiter';

const testRedis = createTestRedis();
afterAll(() => testRedis.cleanup());

describe('when two gateway replicas share one Redis bucket', () => {
  it('allows a fan no more than the bucket holds, and refuses beyond it on both', async () => {
    const buckets = redisTokenBuckets(testRedis.redis, testRedis.prefix);
    const lease = { maxTokens: 10, leaseMs: 60_000 };
    const replicas = [leasedRateLimiter(buckets, lease), leasedRateLimiter(buckets, lease)];
    const limit = { perSecond: 1, burst: 40 };
    const startedAt = Date.now();

    const decisions = [];
    for (let call = 0; call < 100; call += 1) {
      decisions.push(await replicas[call % 2]!('user:fan', limit));
    }
    const refilled = Math.ceil((Date.now() - startedAt) / 1000);

    const allowed = decisions.filter((decision) => decision.allowed).length;
    expect(allowed).toBeLessThanOrEqual(limit.burst + refilled);
    // Tokens a replica holds while the other is refused: at most maxTokens - 1 each.
    expect(allowed).toBeGreaterThanOrEqual(limit.burst - 2 * (lease.maxTokens - 1));
    expect(decisions.slice(-2)).toEqual([
      { allowed: false, retryAfterMs: expect.any(Number) },
      { allowed: false, retryAfterMs: expect.any(Number) },
    ]);
    expect(decisions.at(-1)!.retryAfterMs).toBeGreaterThan(0);
  });
});

describe('when a fan calls one replica', () => {
  const limit = { perSecond: 50, burst: 100 };

  function countingBucket(): { take: TakeTokens; asked: number[] } {
    const asked: number[] = [];
    return {
      asked,
      take: (_subject, _limit, count) => {
        asked.push(count);
        return Promise.resolve({ granted: count, retryAfterMs: 0 });
      },
    };
  }

  it('takes one token at first, and more while the fan keeps spending them within the lease', async () => {
    const bucket = countingBucket();
    const limiter = leasedRateLimiter(bucket.take, { maxTokens: 8, leaseMs: 1000 }, () => 0);

    for (let call = 0; call < 31; call += 1) await limiter('user:fan', limit);

    expect(bucket.asked).toEqual([1, 2, 4, 8, 8, 8]);
  });

  it('takes what the last lease spent once it ended, so a slow fan strands no tokens', async () => {
    let now = 0;
    const bucket = countingBucket();
    const limiter = leasedRateLimiter(bucket.take, { maxTokens: 8, leaseMs: 1000 }, () => now);
    await limiter('user:fan', limit); // takes 1
    await limiter('user:fan', limit); // takes 2
    await limiter('user:fan', limit);
    now = 1500;

    await limiter('user:fan', limit);

    expect(bucket.asked).toEqual([1, 2, 2]);
  });

  it('drops tokens left when the lease ends', async () => {
    let now = 0;
    const bucket = countingBucket();
    const limiter = leasedRateLimiter(bucket.take, { maxTokens: 8, leaseMs: 1000 }, () => now);
    for (let call = 0; call < 4; call += 1) await limiter('user:fan', limit); // takes 1, 2, 4
    now = 1000;

    await limiter('user:fan', limit);

    expect(bucket.asked).toHaveLength(4);
  });

  it('remembers a refusal until the bucket holds a token again', async () => {
    let now = 0;
    const asked: number[] = [];
    const emptyBucket: TakeTokens = (_subject, _limit, count) => {
      asked.push(count);
      return Promise.resolve({ granted: 0, retryAfterMs: 400 });
    };
    const limiter = leasedRateLimiter(emptyBucket, { maxTokens: 8, leaseMs: 1000 }, () => now);

    const first = await limiter('user:fan', limit);
    now = 300;
    const second = await limiter('user:fan', limit);
    now = 400;
    await limiter('user:fan', limit);

    expect(first).toEqual({ allowed: false, retryAfterMs: 400 });
    expect(second).toEqual({ allowed: false, retryAfterMs: 100 });
    expect(asked).toHaveLength(2);
  });

  it('lets concurrent requests of one fan wait for one take instead of each taking', async () => {
    const bucket = countingBucket();
    const limiter = leasedRateLimiter(bucket.take, { maxTokens: 8, leaseMs: 1000 }, () => 0);
    await limiter('user:fan', limit);
    await limiter('user:fan', limit); // the lease ran out: the next take is 4

    const decisions = await Promise.all([1, 2, 3].map(() => limiter('user:fan', limit)));

    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(bucket.asked).toEqual([1, 2, 4]);
  });

  it('fails when the bucket cannot be asked, for the caller to let the request through', async () => {
    const down: TakeTokens = () => Promise.reject(new Error('connection closed'));
    const limiter = leasedRateLimiter(down, { maxTokens: 8, leaseMs: 1000 });

    await expect(limiter('user:fan', limit)).rejects.toThrow('connection closed');
    await expect(limiter('user:fan', limit)).rejects.toThrow('connection closed');
  });
});
