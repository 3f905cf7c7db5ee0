import type { K6Summary, SummaryCheck, SummaryGroup, SummaryMetric } from './k6-summary';

// Figures read out of one k6 summary.

export function statOf(summary: K6Summary, metric: string, stat: string): number | undefined {
  return summary.metrics[metric]?.values[stat];
}

export interface NamedMetric {
  name: string;
  metric: SummaryMetric;
}

const builtInMetrics = new Set([
  'checks',
  'data_received',
  'data_sent',
  'dropped_iterations',
  'group_duration',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_duration',
  'http_req_failed',
  'http_req_receiving',
  'http_req_sending',
  'http_req_tls_handshaking',
  'http_req_waiting',
  'http_reqs',
  'iteration_duration',
  'iterations',
  'vus',
  'vus_max',
]);

/** A tagged sub-metric such as `http_req_duration{scenario:charge}` counts as built in if its parent does. */
export function isBuiltIn(name: string): boolean {
  return builtInMetrics.has(name.replace(/\{.*$/, ''));
}

/** Every Trend: http_req_duration and its sub-metrics first, then the scenario's own, then k6's timings. */
export function trendsOf(summary: K6Summary): NamedMetric[] {
  const rank = (name: string): number => {
    if (name === 'http_req_duration' || name.startsWith('http_req_duration{')) return 0;
    return isBuiltIn(name) ? 2 : 1;
  };
  return Object.entries(summary.metrics)
    .filter(([, metric]) => metric.type === 'trend')
    .map(([name, metric]) => ({ name, metric }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** Counters, rates and gauges the scenario defined itself (k6's own are shown elsewhere). */
export function customNonTrendsOf(summary: K6Summary): NamedMetric[] {
  return Object.entries(summary.metrics)
    .filter(([name, metric]) => metric.type !== 'trend' && !isBuiltIn(name))
    .map(([name, metric]) => ({ name, metric }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function checksOf(summary: K6Summary): SummaryCheck[] {
  const walk = (group: SummaryGroup): SummaryCheck[] => [
    ...group.checks,
    ...group.groups.flatMap(walk),
  ];
  return walk(summary.root_group);
}

export interface ThresholdResult {
  metric: string;
  threshold: string;
  ok: boolean;
}

export function thresholdsOf(summary: K6Summary): ThresholdResult[] {
  return Object.entries(summary.metrics)
    .flatMap(([metric, { thresholds }]) =>
      Object.entries(thresholds ?? {}).map(([threshold, { ok }]) => ({ metric, threshold, ok })),
    )
    .sort((a, b) => a.metric.localeCompare(b.metric));
}
