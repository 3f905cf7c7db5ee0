import type { K6Summary, SummaryMetric } from '../k6-summary';
import type { RunFolder, ScenarioRun } from '../run-folder';

// Small builders for runs whose figures a test states outright.

export function trend(values: Record<string, number>): SummaryMetric {
  return { type: 'trend', contains: 'time', values };
}

export function counter(count: number, rate: number): SummaryMetric {
  return { type: 'counter', contains: 'default', values: { count, rate } };
}

export function summaryWith(metrics: Record<string, SummaryMetric>): K6Summary {
  return {
    state: { testRunDurationMs: 10_000 },
    metrics,
    root_group: { name: '', path: '', groups: [], checks: [] },
  };
}

export function runWith(
  scenarios: Record<string, Partial<ScenarioRun> & { summary: K6Summary }>,
): RunFolder {
  return {
    dir: '/nowhere/run-1',
    id: 'run-1',
    scenarios: Object.entries(scenarios).map(([name, scenario]) => ({ name, ...scenario })),
  };
}
