import { markdownTable } from './markdown-table';
import { describeMetric } from './metric-value';
import type { ScenarioRun } from './run-folder';
import { formatMs, formatValue } from './units';

// The stress scenario's knee: the last step where p95 stayed under 1 s and failures under 1 %.
// The scenario records it as Gauges knee_vus and knee_rps, and may add its steps to the summary
// data as `stress: {kneeReached, steps: [{vus, requests, requestsPerSecond, p95Ms, failedShare}]}`.

interface StressStep {
  vus: number;
  requests?: number;
  requestsPerSecond?: number;
  p95Ms?: number;
  failedShare?: number;
}

interface StressFigures {
  kneeReached?: boolean;
  steps: StressStep[];
}

function stressFiguresOf(scenario: ScenarioRun): StressFigures | undefined {
  const figures = scenario.summary.stress;
  if (typeof figures !== 'object' || figures === null) return undefined;
  const { kneeReached, steps } = figures as { kneeReached?: unknown; steps?: unknown };
  if (!Array.isArray(steps)) return undefined;
  const valid = steps.filter(
    (step): step is StressStep => typeof (step as StressStep | null)?.vus === 'number',
  );
  return { steps: valid, ...(typeof kneeReached === 'boolean' && { kneeReached }) };
}

function kneeValue(name: string, scenario: ScenarioRun): string {
  const metric = scenario.summary.metrics[name];
  const value = metric?.values.value;
  if (!metric || value === undefined) return metric ? describeMetric(metric) : '—';
  if (name.endsWith('_vus')) return formatValue(value, 'VUs');
  if (name.endsWith('_rps')) return formatValue(value, 'req/s');
  return describeMetric(metric);
}

function stepsTable(figures: StressFigures, kneeVus: number | undefined): string {
  const optional = (value: number | undefined, write: (v: number) => string) =>
    value === undefined ? '—' : write(value);
  const rows = figures.steps.map((step) => [
    `${formatValue(step.vus, 'count')}${step.vus === kneeVus ? ' (knee)' : ''}`,
    optional(step.requests, (v) => formatValue(v, 'count')),
    optional(step.requestsPerSecond, (v) => formatValue(v, 'req/s')),
    optional(step.p95Ms, formatMs),
    optional(step.failedShare, (v) => formatValue(v, 'fraction')),
  ]);
  return markdownTable(['VUs', 'requests', 'throughput', 'p95', 'failed'], rows, [0, 1, 2, 3, 4]);
}

export function kneeSection(scenario: ScenarioRun): string {
  const names = Object.keys(scenario.summary.metrics).filter((name) => name.startsWith('knee_'));
  const figures = stressFiguresOf(scenario);
  if (names.length === 0) {
    return '### Knee\n\nNot recorded: the summary has no `knee_*` metric.';
  }
  const rows = names.sort().map((name) => [`\`${name}\``, kneeValue(name, scenario)]);
  const reached =
    figures?.kneeReached === false
      ? ['No step crossed the line: the knee is beyond the last step run.']
      : [];
  const kneeVus = scenario.summary.metrics.knee_vus?.values.value;
  return [
    '### Knee',
    markdownTable(['metric', 'value'], rows, [1]),
    ...reached,
    ...(figures && figures.steps.length > 0 ? [stepsTable(figures, kneeVus)] : []),
  ].join('\n\n');
}
