import type { CeilingPlan } from './ceiling-plan';
import type { CpuSample, CpuSeries } from './cpu-sampler';
import { targets, type HotPathName, type Target } from './hot-paths';

// Which side of which path ran when (as scenarios/ceilings.js schedules them, from the moment its
// setup() ended), and the CPU each side's processes used in its own windows.

export interface RunWindow {
  path: HotPathName;
  target: Target;
  /** Epoch ms. */
  start: number;
  end: number;
}

/** The script's schedule: real, bare, chain in odd rounds, the other way round in even ones. */
export function runWindows(plan: CeilingPlan, startedAt: number): RunWindow[] {
  const every = (plan.secondsPerRun + plan.gapSeconds) * 1000;
  const windows: RunWindow[] = [];
  for (let round = 1; round <= plan.rounds; round += 1) {
    const order: Target[] = round % 2 === 1 ? [...targets] : [...targets].reverse();
    for (const path of plan.paths) {
      for (const target of order) {
        const start = startedAt + windows.length * every;
        windows.push({ path: path.name, target, start, end: start + plan.secondsPerRun * 1000 });
      }
    }
  }
  return windows;
}

/** CPU seconds used between two moments, interpolated between the samples around them. */
export function cpuBetween(samples: readonly CpuSample[], start: number, end: number): number {
  const at = (time: number): number => {
    const after = samples.findIndex((sample) => sample.at >= time);
    if (after === -1) return samples.at(-1)?.seconds ?? 0;
    const next = samples[after] as CpuSample;
    const previous = samples[after - 1];
    if (!previous || next.at === previous.at) return next.seconds;
    const share = (time - previous.at) / (next.at - previous.at);
    return previous.seconds + share * (next.seconds - previous.seconds);
  };
  return at(end) - at(start);
}

export type CpuSeconds = Partial<Record<HotPathName, Partial<Record<Target, number>>>>;

/** Each path's CPU seconds on each side, its rounds added up. */
export function cpuSecondsByPath(series: CpuSeries, windows: readonly RunWindow[]): CpuSeconds {
  const spent: CpuSeconds = {};
  for (const { path, target, start, end } of windows) {
    const sides = (spent[path] ??= Object.fromEntries(targets.map((t) => [t, 0])));
    sides[target] = (sides[target] ?? 0) + cpuBetween(series[target], start, end);
  }
  return spent;
}
