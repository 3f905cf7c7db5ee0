import { cpuSecondsOf } from './process-cpu';
import { targets, type Target } from './hot-paths';

// The CPU each side's processes used over the k6 run, sampled a few times a second: the system's
// five services for the real side, the runner (whose only work then is the bare server) for the
// bare side, the bare chain's two processes for the chain. Attributed to each path's time window
// afterwards (ceiling-cpu.ts).

export interface CpuSample {
  /** Epoch ms. */
  at: number;
  /** CPU seconds used so far by all the side's processes together. */
  seconds: number;
}

export type CpuSeries = Record<Target, CpuSample[]>;

const SAMPLE_MS = 200;

export function sampleCpu(pids: Record<Target, number[]>): { stop(): CpuSeries } {
  const series: CpuSeries = { real: [], bare: [], chain: [] };
  const sample = () => {
    const at = Date.now();
    for (const target of targets) {
      const seconds = pids[target].reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
      series[target].push({ at, seconds });
    }
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return series;
    },
  };
}
