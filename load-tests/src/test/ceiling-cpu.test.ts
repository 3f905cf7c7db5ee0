import { cpuBetween, cpuSecondsByPath, runWindows } from '../ceilings/ceiling-cpu';
import { ceilingFigures } from '../ceilings/ceiling-figures';
import { ceilingPlan } from '../ceilings/ceiling-plan';

const plan = ceilingPlan({ PATHS: 'seat-map,token', DURATION: '10s', GAP: '1s', ROUNDS: '2' });

describe("the ceilings' CPU windows", () => {
  it('follow the script: one path after another, real, bare, chain in odd rounds, reversed in even', () => {
    const windows = runWindows(plan, 1_000_000);
    expect(windows.map((w) => `${w.path}/${w.target}@${(w.start - 1_000_000) / 1000}`)).toEqual([
      'seat-map/real@0',
      'seat-map/bare@11',
      'seat-map/chain@22',
      'token/real@33',
      'token/bare@44',
      'token/chain@55',
      'seat-map/chain@66',
      'seat-map/bare@77',
      'seat-map/real@88',
      'token/chain@99',
      'token/bare@110',
      'token/real@121',
    ]);
    expect(windows.every((w) => w.end - w.start === 10_000)).toBe(true);
  });

  it('take the CPU between two moments from the samples around them', () => {
    const samples = [
      { at: 0, seconds: 10 },
      { at: 1000, seconds: 12 },
      { at: 2000, seconds: 12 },
    ];
    expect(cpuBetween(samples, 500, 1500)).toBeCloseTo(1);
    expect(cpuBetween(samples, 0, 2000)).toBeCloseTo(2);
    // Past the last sample: what was used by then.
    expect(cpuBetween(samples, 1000, 9000)).toBeCloseTo(0);
  });

  it("add up each side's windows over the rounds, and give CPU per request with the figures", () => {
    const startedAt = 0;
    // The services use 0.5 CPU-second a second, the bare server 0.25, the chain 0.4, all run long.
    const series = {
      real: [0, 200_000].map((at) => ({ at, seconds: at / 2000 })),
      bare: [0, 200_000].map((at) => ({ at, seconds: at / 4000 })),
      chain: [0, 200_000].map((at) => ({ at, seconds: at / 2500 })),
    };
    const spent = cpuSecondsByPath(series, runWindows(plan, startedAt));
    expect(spent['seat-map']?.real).toBeCloseTo(10);
    expect(spent['seat-map']?.bare).toBeCloseTo(5);
    expect(spent['seat-map']?.chain).toBeCloseTo(8);

    const figures = ceilingFigures(
      {
        'http_reqs{ceiling:seat-map,target:real,step:seats}': { values: { count: 20_000 } },
        'http_reqs{ceiling:seat-map,target:bare,step:seats}': { values: { count: 50_000 } },
        'http_reqs{ceiling:seat-map,target:chain,step:seats}': { values: { count: 40_000 } },
      },
      plan,
      { before: 1, after: 1 },
      spent,
    );
    expect(figures.paths[0]?.real.cpuMsPerRequest).toBeCloseTo(0.5);
    expect(figures.paths[0]?.bare.cpuMsPerRequest).toBeCloseTo(0.1);
    expect(figures.paths[0]?.chain?.cpuMsPerRequest).toBeCloseTo(0.2);
    // No requests: no CPU per request, rather than an infinite one.
    expect(figures.paths[1]?.real.cpuMsPerRequest).toBeUndefined();
  });
});
