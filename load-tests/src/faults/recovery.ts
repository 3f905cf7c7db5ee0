import type { Second } from './request-timeline';

/** What fans saw of one fault, from the per-second timeline of the run. */
export interface FaultImpact {
  /** p95 and failure rate before the fault, the yardstick for "normal". */
  baseline: { p95Ms: number; failedPercent: number };
  /** Requests that ended between the fault's start and the recovery, and how many failed. */
  requests: number;
  failed: number;
  /** Holds placed and payments accepted while the fault lasted. */
  bookedDuringFault: number;
  /** From the fault's removal to the first of `steadySeconds` normal seconds; undefined: never. */
  recoverySeconds?: number;
}

export interface FaultWindow {
  injectedAt: number;
  removedAt: number;
}

/** Seconds in a row that must all be normal before the system counts as recovered. */
export const steadySeconds = 5;

/**
 * A second is normal when requests ended in it, at most 1 % of them failed, and their p95 is
 * within twice the baseline's (or 50 ms of it, for a baseline so fast that twice is noise). The
 * baseline is every second from `warmUpSeconds` into the run until the fault.
 */
export function impactOf(timeline: Second[], window: FaultWindow, warmUpSeconds = 10): FaultImpact {
  const before = timeline.filter(
    (s) => s.at >= timeline[0]!.at + warmUpSeconds * 1000 && s.at + 1000 <= window.injectedAt,
  );
  const baseline = {
    p95Ms: median(before.map((s) => s.p95Ms)),
    failedPercent: percent(sum(before, 'failed'), sum(before, 'requests')),
  };
  const normal = (s: Second) =>
    s.requests > 0 &&
    s.failed <= s.requests / 100 &&
    s.p95Ms <= Math.max(2 * baseline.p95Ms, baseline.p95Ms + 50);
  const after = timeline.filter((s) => s.at >= Math.floor(window.removedAt / 1000) * 1000);
  const start = after.findIndex((_, i) => {
    const run = after.slice(i, i + steadySeconds);
    return run.length === steadySeconds && run.every(normal);
  });
  const recoveredAt = start === -1 ? undefined : Math.max(after[start]!.at, window.removedAt);
  const affected = timeline.filter(
    (s) => s.at + 1000 > window.injectedAt && s.at < (recoveredAt ?? Infinity),
  );
  const duringFault = timeline.filter(
    (s) => s.at + 1000 > window.injectedAt && s.at < window.removedAt,
  );
  return {
    baseline,
    requests: sum(affected, 'requests'),
    failed: sum(affected, 'failed'),
    bookedDuringFault: sum(duringFault, 'booked'),
    recoverySeconds:
      recoveredAt === undefined
        ? undefined
        : Math.round((recoveredAt - window.removedAt) / 100) / 10,
  };
}

function sum(seconds: Second[], field: 'requests' | 'failed' | 'booked'): number {
  return seconds.reduce((total, s) => total + s[field], 0);
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
