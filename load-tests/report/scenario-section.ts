import { describeBusy } from '../src/machine-cpu';
import { ceilingsSection } from './ceilings-section';
import { markdownTable } from './markdown-table';
import { memorySection } from './memory-growth';
import { describeMetric } from './metric-value';
import { onSaleSection } from './on-sale-section';
import type { ScenarioRun } from './run-folder';
import { describeScenario } from './scenarios';
import { driftSection } from './soak-drift';
import { kneeSection } from './stress-knee';
import { checksOf, customNonTrendsOf, statOf, thresholdsOf } from './summary-figures';
import { trendTable } from './trend-table';
import { formatMs, formatValue } from './units';

// One scenario's part of the report: what ran, its requests, every Trend, checks, thresholds,
// invariants, and the knee or drift for the stress and soak scenarios.

function requestsTable(scenario: ScenarioRun): string {
  const { summary } = scenario;
  const stat = (metric: string, name: string) => statOf(summary, metric, name);
  const count = (value: number | undefined) =>
    value === undefined ? '—' : formatValue(value, 'count');
  const failedRate = stat('http_req_failed', 'rate');
  const failed =
    failedRate === undefined
      ? '—'
      : `${formatValue(failedRate, 'fraction')} (${count(stat('http_req_failed', 'passes'))})`;
  const checks = checksOf(summary);
  const passed = checks.reduce((sum, check) => sum + check.passes, 0);
  const fails = checks.reduce((sum, check) => sum + check.fails, 0);
  const throughput = stat('http_reqs', 'rate');
  return markdownTable(
    ['requests', 'throughput', 'failed', 'checks passed', 'checks failed'],
    [
      [
        count(stat('http_reqs', 'count')),
        throughput === undefined ? '—' : formatValue(throughput, 'req/s'),
        failed,
        count(passed),
        count(fails),
      ],
    ],
    [0, 1, 2, 3, 4],
  );
}

function failedChecks(scenario: ScenarioRun): string[] {
  const failing = checksOf(scenario.summary).filter((check) => check.fails > 0);
  if (failing.length === 0) return [];
  const lines = failing.map(
    (c) =>
      `- ${c.name}: ${formatValue(c.passes, 'count')} passed, ${formatValue(c.fails, 'count')} failed`,
  );
  return ['Failed checks:', '', ...lines];
}

function otherMetrics(scenario: ScenarioRun): string[] {
  const rows = customNonTrendsOf(scenario.summary)
    // The knee and the drift have their own sections.
    .filter(({ name }) => !/^knee_|_window$|_drift_ratio$/.test(name))
    .map(({ name, metric }) => [`\`${name}\``, metric.type, describeMetric(metric)]);
  return rows.length === 0 ? [] : [markdownTable(['metric', 'type', 'value'], rows)];
}

function thresholds(scenario: ScenarioRun): string {
  const results = thresholdsOf(scenario.summary);
  if (results.length === 0) return 'Thresholds: none set.';
  const failed = results.filter((r) => !r.ok).length;
  const verdict = failed === 0 ? 'all passed' : `**${failed} of ${results.length} failed**`;
  const rows = results.map((r) => [
    `\`${r.metric}\``,
    `\`${r.threshold}\``,
    r.ok ? 'ok' : '**failed**',
  ]);
  return `Thresholds: ${verdict}.\n\n${markdownTable(['metric', 'threshold', 'result'], rows)}`;
}

function invariants(scenario: ScenarioRun): string {
  const report = scenario.invariants;
  if (!report) return `Invariants: not checked (no \`${scenario.name}.invariants.json\`).`;
  const figures = Object.entries(report.figures).map(
    ([name, value]) =>
      `${name} ${typeof value === 'number' ? formatValue(value, 'count') : JSON.stringify(value)}`,
  );
  const counted = figures.length > 0 ? ` Counted: ${figures.join(', ')}.` : '';
  if (report.violations.length === 0) return `Invariants: all held.${counted}`;
  const violations = report.violations.map((violation) => `- ${violation}`);
  return [
    `Invariants: **${report.violations.length} violated.**${counted}`,
    '',
    ...violations,
  ].join('\n');
}

function slowestBooking(scenario: ScenarioRun): string[] {
  const booking = scenario.slowestBooking;
  if (!booking) return [];
  return [
    '### Slowest traced booking',
    'The payment whose gateway span took longest, as Jaeger holds it (`npm run trace -- <id>` ' +
      'draws it again while Jaeger runs):',
    `![waterfall of the slowest traced booking](${booking.svg})`,
    `\`\`\`text\n${booking.text.trimEnd()}\n\`\`\``,
  ];
}

function saleGraph(scenario: ScenarioRun): string[] {
  if (!scenario.saleGraph) return [];
  return [
    '### The sale as Prometheus saw it',
    `![requests, latency, waiting room, holds and payments over the run](${scenario.saleGraph})`,
  ];
}

function machineCpu(scenario: ScenarioRun): string[] {
  if (!scenario.machineBusy?.length) return [];
  return [
    `Machine CPU while k6 ran (every process on it, k6 too): ${describeBusy(scenario.machineBusy)}.`,
  ];
}

export function scenarioSection(scenario: ScenarioRun): string {
  const { summary, name } = scenario;
  const duration = formatMs(summary.state.testRunDurationMs);
  const vus = statOf(summary, 'vus_max', 'value');
  const iterations = statOf(summary, 'iterations', 'count');
  const facts = [
    `Ran ${duration}`,
    ...(vus === undefined ? [] : [`${formatValue(vus, 'VUs')} max`]),
    ...(iterations === undefined ? [] : [`${formatValue(iterations, 'count')} iterations`]),
    scenario.dashboard ? `[HTML dashboard](${scenario.dashboard})` : 'no HTML dashboard export',
    ...(scenario.log ? [`[k6 output](${scenario.log})`] : []),
  ];
  const parts = [
    `## ${name}`,
    [describeScenario(name), `${facts.join(' · ')}.`].filter(Boolean).join(' '),
    requestsTable(scenario),
    trendTable(summary),
    ...otherMetrics(scenario),
    ...[failedChecks(scenario).join('\n')].filter(Boolean),
    thresholds(scenario),
    invariants(scenario),
    ...(scenario.memory ? [memorySection(scenario.memory)] : []),
    ...machineCpu(scenario),
    ...(name === 'stress' ? [kneeSection(scenario)] : []),
    ...(name === 'soak' ? [driftSection(scenario)] : []),
    ...onSaleSection(scenario),
    ...ceilingsSection(scenario),
    ...saleGraph(scenario),
    ...slowestBooking(scenario),
  ];
  return parts.join('\n\n');
}
