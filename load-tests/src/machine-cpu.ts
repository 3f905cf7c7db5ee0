import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** CPU time of all cores together, idle and in total, in ms since boot. */
export interface CpuTimes {
  idle: number;
  total: number;
}

export function cpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/** Share of the CPU time between two samples that the cores spent idle (1 when none passed). */
export function idleShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total > 0 ? (after.idle - before.idle) / total : 1;
}

export interface SettleOptions {
  /** The share of CPU time idle that counts as settled. */
  idle: number;
  /** How many one-second samples in a row must be that idle. */
  quietSeconds: number;
  /** Start anyway after this long, and say so. */
  maxSeconds: number;
  sample?: () => CpuTimes;
  wait?: (ms: number) => Promise<unknown>;
}

/** What the full-size bench waits for before each scenario. */
export const BENCH_SETTLE = { idle: 0.9, quietSeconds: 5, maxSeconds: 120 } as const;

export interface Settled {
  settled: boolean;
  seconds: number;
  /** The idle share of the last sample. */
  lastIdle: number;
}

/**
 * Waits until the machine is quiet before a scenario starts: the previous scenario's processes
 * exiting, PostgreSQL's checkpoint after the fresh databases and their seed, the broker cleaning
 * up after the last system all run on the same two cores as the next scenario's services, so no
 * scenario measures the one before it. It does not make a journey's p95 steady: that varies with
 * the cores it saturates itself (load-tests/PROFILING.md, round 3).
 */
export async function settleMachine(options: SettleOptions): Promise<Settled> {
  const { sample = cpuTimes, wait = sleep } = options;
  let quiet = 0;
  let lastIdle = 1;
  let before = sample();
  for (let seconds = 1; seconds <= options.maxSeconds; seconds++) {
    await wait(1000);
    const after = sample();
    lastIdle = idleShare(before, after);
    before = after;
    quiet = lastIdle >= options.idle ? quiet + 1 : 0;
    if (quiet >= options.quietSeconds) return { settled: true, seconds, lastIdle };
  }
  return { settled: false, seconds: options.maxSeconds, lastIdle };
}

/** A second's share of the machine's CPU time that was busy (1 − idle share). */
export type BusySeries = number[];

/** At this share of busy CPU time a second counts as saturated: both cores were taken. */
export const SATURATED_BUSY = 0.95;

/**
 * Samples the machine's busy share every second until stop(): what the whole stack and k6
 * together asked of the cores while a scenario ran, which bounds every latency it measured.
 */
export function sampleMachineBusy(sample: () => CpuTimes = cpuTimes) {
  const busy: BusySeries = [];
  let before = sample();
  const timer = setInterval(() => {
    const after = sample();
    busy.push(1 - idleShare(before, after));
    before = after;
  }, 1000).unref();
  return {
    stop: (): BusySeries => {
      clearInterval(timer);
      return busy;
    },
  };
}

/** What the busy shares came to, as the report says it. */
export function describeBusy(busy: BusySeries): string {
  const sorted = [...busy].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const saturated = busy.filter((share) => share >= SATURATED_BUSY).length;
  return (
    `the machine's cores were ${(median * 100).toFixed(0)} % busy in the median second and ` +
    `≥ ${SATURATED_BUSY * 100} % busy in ${saturated} of ${busy.length} s`
  );
}
