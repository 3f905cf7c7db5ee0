// The end-of-test summary k6 hands to handleSummary(data), as each scenario writes it to
// <scenario>.summary.json. Only the parts the report reads are typed.
export type MetricType = 'trend' | 'counter' | 'rate' | 'gauge';

export interface SummaryMetric {
  type: MetricType;
  /** 'time' means the values are milliseconds. */
  contains: 'time' | 'data' | 'default';
  /** Trends: avg, min, med, max, p(90), p(95)…; counters: count, rate; rates: rate, passes, fails; gauges: value, min, max. */
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

export interface SummaryCheck {
  name: string;
  path: string;
  passes: number;
  fails: number;
}

export interface SummaryGroup {
  name: string;
  path: string;
  groups: SummaryGroup[];
  checks: SummaryCheck[];
}

export interface K6Summary {
  state: { testRunDurationMs: number };
  metrics: Record<string, SummaryMetric>;
  root_group: SummaryGroup;
  /** Added by the stress scenario's handleSummary: its steps (read in stress-knee.ts). */
  stress?: unknown;
}

const metricTypes: readonly string[] = ['trend', 'counter', 'rate', 'gauge'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape the report relies on, so a wrong file fails with its name, not deep in a table. */
export function parseK6Summary(json: unknown, file: string): K6Summary {
  const fail = (rule: string): never => {
    throw new Error(`${file} is not a k6 handleSummary data object: ${rule}`);
  };
  if (!isRecord(json)) return fail('expected a JSON object');
  if (!isRecord(json.metrics)) return fail('metrics must be an object');
  for (const [name, metric] of Object.entries(json.metrics)) {
    if (!isRecord(metric) || !metricTypes.includes(String(metric.type))) {
      fail(`metrics.${name}.type must be one of ${metricTypes.join(', ')}`);
    }
    if (!isRecord((metric as Record<string, unknown>).values))
      fail(`metrics.${name}.values missing`);
  }
  if (!isRecord(json.state) || typeof json.state.testRunDurationMs !== 'number') {
    fail('state.testRunDurationMs must be a number');
  }
  const rootGroup = isRecord(json.root_group) ? json.root_group : {};
  return {
    ...(json as unknown as K6Summary),
    root_group: { name: '', path: '', groups: [], checks: [], ...rootGroup },
  };
}
