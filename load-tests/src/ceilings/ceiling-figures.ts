import type { CpuSeconds } from './ceiling-cpu';
import type { CeilingPlan } from './ceiling-plan';
import { submetricKey, type HotPath, type Target } from './hot-paths';

// Each hot path's real requests a second as a share of its ceiling: the same k6 shape against a
// bare Node server answering the same bytes, in the same run (scenarios/ceilings.js). And as a
// share of the bare chain: the same bytes behind two bare Node hops and the path's one datastore
// round trip, the least the real path's structure costs.

export interface SideFigures {
  requests: number;
  perSecond: number;
  p95Ms?: number;
  /**
   * CPU of the side's processes per request: the five services for the real side, the bare
   * server's process for the bare one, the proxy's and the backend's for the chain (k6's own and
   * the datastores' are left out on every side).
   */
  cpuMsPerRequest?: number;
}

export interface PathCeiling {
  path: HotPath['name'];
  label: string;
  real: SideFigures;
  bare: SideFigures;
  /** Absent in the figures of runs before the chain was measured. */
  chain?: SideFigures;
  /** real ÷ bare requests a second; absent when the bare side answered nothing. */
  ratio?: number;
  /** real ÷ bare chain requests a second; absent when the chain answered nothing. */
  chainRatio?: number;
}

export interface CeilingFigures {
  vus: number;
  secondsPerRun: number;
  rounds: number;
  /** The machine's 1-minute load average before and after the run: it is shared. */
  loadAverage: { before: number; after: number };
  paths: PathCeiling[];
}

interface SummaryMetric {
  values: Record<string, number>;
}

function side(
  metrics: Record<string, SummaryMetric>,
  path: HotPath,
  target: Target,
  seconds: number,
  cpuSeconds: number | undefined,
): SideFigures {
  const requests = metrics[submetricKey('http_reqs', path, target)]?.values.count ?? 0;
  const p95Ms = metrics[submetricKey('http_req_duration', path, target)]?.values['p(95)'];
  const cpu = cpuSeconds !== undefined && requests > 0 ? (cpuSeconds * 1000) / requests : undefined;
  return {
    requests,
    // k6's own rate divides by the whole run, every path's; each side ran only `seconds` of it.
    perSecond: requests / seconds,
    ...(p95Ms !== undefined && { p95Ms }),
    ...(cpu !== undefined && { cpuMsPerRequest: cpu }),
  };
}

export function ceilingFigures(
  metrics: Record<string, SummaryMetric>,
  plan: CeilingPlan,
  loadAverage: CeilingFigures['loadAverage'],
  cpu: CpuSeconds = {},
): CeilingFigures {
  const seconds = plan.secondsPerRun * plan.rounds;
  return {
    vus: plan.vus,
    secondsPerRun: plan.secondsPerRun,
    rounds: plan.rounds,
    loadAverage,
    paths: plan.paths.map((path) => {
      const real = side(metrics, path, 'real', seconds, cpu[path.name]?.real);
      const bare = side(metrics, path, 'bare', seconds, cpu[path.name]?.bare);
      const chain = side(metrics, path, 'chain', seconds, cpu[path.name]?.chain);
      return {
        path: path.name,
        label: path.label,
        real,
        bare,
        chain,
        ...(bare.perSecond > 0 && { ratio: real.perSecond / bare.perSecond }),
        ...(chain.perSecond > 0 && { chainRatio: real.perSecond / chain.perSecond }),
      };
    }),
  };
}

const perSecond = (value: number) => Math.round(value).toLocaleString('en-US');
const p95 = (value: number | undefined) =>
  value === undefined ? '-' : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const cpu = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));
export const percent = (ratio: number | undefined) =>
  ratio === undefined ? '-' : `${Math.round(ratio * 100)} %`;

/**
 * One line for the console: each path as a share of its ceiling and of its bare chain, with
 * req/s, p95 and CPU per request of real, bare and chain in that order.
 */
export function ceilingLine(figures: CeilingFigures): string {
  const paths = figures.paths.map(({ label, real, bare, chain, ratio, chainRatio }) => {
    const sides = chain ? [real, bare, chain] : [real, bare];
    const each = (show: (side: SideFigures) => string) => sides.map(show).join(' vs ');
    return (
      `${label} ${percent(ratio)} of bare, ${percent(chainRatio)} of chain ` +
      `(${each((s) => perSecond(s.perSecond))}/s, p95 ${each((s) => p95(s.p95Ms))}, ` +
      `CPU ${each((s) => cpu(s.cpuMsPerRequest))} ms/req)`
    );
  });
  const { before, after } = figures.loadAverage;
  return `${paths.join('; ')}; load ${before.toFixed(2)} → ${after.toFixed(2)}`;
}
