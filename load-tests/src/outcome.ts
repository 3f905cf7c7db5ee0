import { readFile } from 'node:fs/promises';
import { largestGrowth, type MemorySeries } from './memory-sampler';

// What one scenario run came to: k6's verdict, the invariants, and a line of figures.

export interface Outcome {
  name: string;
  passed: boolean;
  seconds: number;
  /** Why it failed, or what it measured. */
  line: string;
}

interface SummaryMetric {
  type: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

export async function readSummary(file: string): Promise<Record<string, SummaryMetric>> {
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { metrics: Record<string, SummaryMetric> })
      .metrics;
  } catch {
    return {};
  }
}

export function crossedThresholds(metrics: Record<string, SummaryMetric>): string[] {
  return Object.entries(metrics).flatMap(([name, metric]) =>
    Object.entries(metric.thresholds ?? {})
      .filter(([, { ok }]) => !ok)
      .map(([rule]) => `${name} ${rule}`),
  );
}

const round = (value: number | undefined, digits = 0) =>
  value === undefined ? '-' : value.toFixed(digits);

/** The figures worth a glance: throughput, latency, failures, and each scenario's own. */
export function figures(metrics: Record<string, SummaryMetric>, memory: MemorySeries): string {
  const value = (name: string, stat: string) => metrics[name]?.values[stat];
  const parts = [
    `${round(value('http_reqs', 'count'))} req, ${round(value('http_reqs', 'rate'))}/s`,
    `p95 ${round(value('http_req_duration', 'p(95)'), 1)} ms`,
    `p99 ${round(value('http_req_duration', 'p(99)'), 1)} ms`,
    `max ${round(value('http_req_duration', 'max'), 1)} ms`,
    `failed ${round((value('http_req_failed', 'rate') ?? 0) * 100, 2)} %`,
  ];
  const wins = value('seat_wins', 'count');
  if (wins !== undefined) parts.push(`${wins} won / ${round(value('seat_losses', 'count'))} lost`);
  const fansIn = value('fans_in', 'count');
  if (fansIn !== undefined) {
    const wait = value('sign_in_wait_time', 'p(95)');
    parts.push(
      `${fansIn} fans in at ${round(value('fans_in', 'rate'), 1)}/s, ` +
        `${round(value('login_retries', 'count') ?? 0)} told to retry, ` +
        `${round(value('login_connection_errors', 'count') ?? 0)} connection errors, ` +
        `sign-in wait p95 ${round(wait === undefined ? undefined : wait / 1000, 1)} s`,
    );
  }
  const knee = value('knee_vus', 'value');
  if (knee !== undefined) parts.push(`knee ${knee} VUs at ${round(value('knee_rps', 'value'))}/s`);
  const drift = value('p95_drift_ratio', 'value');
  if (drift !== undefined) parts.push(`p95 late/early ×${round(drift, 2)}`);
  const growth = largestGrowth(memory);
  if (growth) parts.push(`rss +${round(growth.mib, 1)} MiB (${growth.service})`);
  return parts.join(', ');
}
