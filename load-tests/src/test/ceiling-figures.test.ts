import { ceilingFigures, ceilingLine, type PathCeiling } from '../ceilings/ceiling-figures';
import { ceilingPlan, durationSeconds } from '../ceilings/ceiling-plan';

const requests = (count: number) => ({ values: { count, rate: count / 999 } });
const latency = (p95: number) => ({ values: { 'p(95)': p95 } });
const load = { before: 1.5, after: 2.25 };

describe("the ceilings' plan", () => {
  it("takes the script's defaults: every path, 100 VUs, 10 s a side, two rounds", () => {
    const plan = ceilingPlan({});
    expect(plan.paths.map((path) => path.name)).toEqual([
      'seat-map',
      'token',
      'poll',
      'balance',
      'hold',
    ]);
    expect(plan).toMatchObject({ vus: 100, secondsPerRun: 10, gapSeconds: 1, rounds: 2 });
  });

  it('reads the sizes and the paths chosen, and refuses what the script would not run', () => {
    const plan = ceilingPlan({ PATHS: 'hold,seat-map', VUS: '2', DURATION: '1.5s', ROUNDS: '1' });
    expect(plan.paths.map((path) => path.name)).toEqual(['hold', 'seat-map']);
    expect(plan).toMatchObject({ vus: 2, secondsPerRun: 1.5, rounds: 1 });
    expect(() => ceilingPlan({ PATHS: 'login' })).toThrow(/no hot path "login"/);
    expect(() => ceilingPlan({ ROUNDS: '0' })).toThrow(/ROUNDS must be a whole number/);
    expect(durationSeconds('2m')).toBe(120);
    expect(() => durationSeconds('10')).toThrow(/not a duration/);
  });
});

describe("each hot path's share of its ceiling", () => {
  const plan = ceilingPlan({ PATHS: 'seat-map,hold', DURATION: '10s', ROUNDS: '2' });

  it("divides each side's requests by the seconds that side ran, not by the whole run", () => {
    const figures = ceilingFigures(
      {
        'http_reqs{ceiling:seat-map,target:real,step:seats}': requests(80_000),
        'http_reqs{ceiling:seat-map,target:bare,step:seats}': requests(200_000),
        'http_req_duration{ceiling:seat-map,target:real,step:seats}': latency(42),
        'http_req_duration{ceiling:seat-map,target:bare,step:seats}': latency(9),
        'http_reqs{ceiling:seat-map,target:chain,step:seats}': requests(100_000),
        'http_req_duration{ceiling:seat-map,target:chain,step:seats}': latency(21),
        // The hold's release is another step: it never counts.
        'http_reqs{ceiling:hold,target:real,step:leave}': requests(1_000_000),
        'http_reqs{ceiling:hold,target:real,step:hold}': requests(10_000),
        'http_reqs{ceiling:hold,target:bare,step:hold}': requests(100_000),
        'http_reqs{ceiling:hold,target:chain,step:hold}': requests(40_000),
      },
      plan,
      load,
    );
    expect(figures.paths[0]).toEqual({
      path: 'seat-map',
      label: 'cached seat map',
      real: { requests: 80_000, perSecond: 4_000, p95Ms: 42 },
      bare: { requests: 200_000, perSecond: 10_000, p95Ms: 9 },
      chain: { requests: 100_000, perSecond: 5_000, p95Ms: 21 },
      ratio: 0.4,
      chainRatio: 0.8,
    });
    expect(figures.paths[1]).toMatchObject({
      real: { perSecond: 500 },
      bare: { perSecond: 5_000 },
      chain: { perSecond: 2_000 },
      ratio: 0.1,
      chainRatio: 0.25,
    });
    expect(figures).toMatchObject({ vus: 100, secondsPerRun: 10, rounds: 2, loadAverage: load });
  });

  it('has no share when a bare side answered nothing, rather than an infinite one', () => {
    const figures = ceilingFigures(
      { 'http_reqs{ceiling:seat-map,target:real,step:seats}': requests(10) },
      plan,
      load,
    );
    expect(figures.paths[0]?.ratio).toBeUndefined();
    expect(figures.paths[0]?.chainRatio).toBeUndefined();
    expect(figures.paths[1]?.real).toEqual({ requests: 0, perSecond: 0 });
  });

  it('prints every path as a share of bare and of chain, with req/s, p95 and CPU of each side', () => {
    const figures = ceilingFigures(
      {
        'http_reqs{ceiling:seat-map,target:real,step:seats}': requests(80_000),
        'http_reqs{ceiling:seat-map,target:bare,step:seats}': requests(280_000),
        'http_reqs{ceiling:seat-map,target:chain,step:seats}': requests(160_000),
        'http_req_duration{ceiling:seat-map,target:real,step:seats}': latency(42.4),
        'http_req_duration{ceiling:seat-map,target:bare,step:seats}': latency(8.96),
        'http_req_duration{ceiling:seat-map,target:chain,step:seats}': latency(19.2),
      },
      plan,
      load,
      { 'seat-map': { real: 32, bare: 20, chain: 24 } },
    );
    expect(ceilingLine(figures)).toBe(
      'cached seat map 29 % of bare, 50 % of chain (4,000 vs 14,000 vs 8,000/s, ' +
        'p95 42 ms vs 9.0 ms vs 19 ms, CPU 0.40 vs 0.07 vs 0.15 ms/req); ' +
        'hold - of bare, - of chain (0 vs 0 vs 0/s, p95 - vs - vs -, CPU - vs - vs - ms/req); ' +
        'load 1.50 → 2.25',
    );
  });

  it('prints figures from before the chain with the real and bare sides only', () => {
    const before = ceilingFigures(
      { 'http_reqs{ceiling:seat-map,target:real,step:seats}': requests(10) },
      ceilingPlan({ PATHS: 'seat-map', ROUNDS: '1' }),
      load,
    );
    const { path, label, real, bare } = before.paths[0] as PathCeiling;
    const withoutChain = { path, label, real, bare };
    expect(ceilingLine({ ...before, paths: [withoutChain] })).toBe(
      'cached seat map - of bare, - of chain (1 vs 0/s, p95 - vs -, CPU - vs - ms/req); ' +
        'load 1.50 → 2.25',
    );
  });
});
