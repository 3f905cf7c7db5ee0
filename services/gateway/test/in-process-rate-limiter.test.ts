import { inProcessRateLimiter } from '../src/infra/in-process-rate-limiter';

const limit = { perSecond: 2, burst: 2 };

describe('when an anonymous client calls faster than its limit', () => {
  it('spends the burst, refuses with the wait until the next token, and refills at the rate', async () => {
    let now = 1_000_000;
    const take = inProcessRateLimiter(() => now);

    const burst = [await take('ip:a', limit), await take('ip:a', limit)];
    const refused = await take('ip:a', limit);
    now += 250;
    const stillRefused = await take('ip:a', limit);
    now += 250;
    const refilled = await take('ip:a', limit);

    expect(burst.map((decision) => decision.allowed)).toEqual([true, true]);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 500 });
    expect(stillRefused).toEqual({ allowed: false, retryAfterMs: 250 });
    expect(refilled.allowed).toBe(true);
  });

  it('counts each client apart, and refills an idle one to its burst, not beyond', async () => {
    let now = 1_000_000;
    const take = inProcessRateLimiter(() => now);
    await take('ip:a', limit);
    await take('ip:a', limit);

    const other = await take('ip:b', limit);
    now += 60_000; // long enough for the sweep to forget ip:a
    const returning = [
      await take('ip:a', limit),
      await take('ip:a', limit),
      await take('ip:a', limit),
    ];

    expect(other.allowed).toBe(true);
    expect(returning.map((decision) => decision.allowed)).toEqual([true, true, false]);
  });
});
