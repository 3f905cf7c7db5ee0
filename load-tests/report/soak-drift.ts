import type { K6Summary, SummaryMetric } from './k6-summary';
import { markdownTable } from './markdown-table';
import { describeMetric, formatStat, headlineStat } from './metric-value';
import type { ScenarioRun } from './run-folder';
import { customNonTrendsOf, isBuiltIn, trendsOf } from './summary-figures';

// Drift over the soak: the scenario records the same figure early and late in the run, either
// as early_<name> / late_<name> (e.g. early_response_time) or as <name>_first_window /
// <name>_last_window, and may add ratios of the two as <name>_drift_ratio gauges.

export interface DriftRow {
  figure: string;
  stat: string;
  first: string;
  last: string;
  change: string;
}

interface WindowPair {
  figure: string;
  start: SummaryMetric;
  end: SummaryMetric;
}

const namings = [
  { start: (name: string) => name.match(/^early_(.+)$/)?.[1], end: (f: string) => `late_${f}` },
  {
    start: (name: string) => name.match(/^(.+)_first_window$/)?.[1],
    end: (f: string) => `${f}_last_window`,
  },
];

function windowPairs(summary: K6Summary): WindowPair[] {
  return Object.keys(summary.metrics)
    .sort()
    .flatMap((name) =>
      namings.flatMap((naming) => {
        const figure = naming.start(name);
        const start = summary.metrics[name];
        const end = figure === undefined ? undefined : summary.metrics[naming.end(figure)];
        return figure !== undefined && start && end ? [{ figure, start, end }] : [];
      }),
    );
}

function change(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || a === 0) return '—';
  return `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %`;
}

export function driftOf(summary: K6Summary): DriftRow[] {
  return windowPairs(summary).flatMap(({ figure, start, end }) => {
    const stats = start.type === 'trend' ? ['avg', 'p(95)'] : [headlineStat(start)];
    return stats.map((stat) => ({
      figure,
      stat,
      first: formatStat(start, stat),
      last: formatStat(end, stat),
      change: change(start.values[stat], end.values[stat]),
    }));
  });
}

function driftRatios(summary: K6Summary): string[] {
  return Object.entries(summary.metrics)
    .filter(([name]) => name.endsWith('_drift_ratio'))
    .map(([name, metric]) => `- \`${name}\`: ${describeMetric(metric)}`);
}

export function driftSection(scenario: ScenarioRun): string {
  const rows = driftOf(scenario.summary);
  const ratios = driftRatios(scenario.summary);
  if (rows.length > 0 || ratios.length > 0) {
    const table = markdownTable(
      ['figure', 'statistic', 'early', 'late', 'change'],
      rows.map((row) => [`\`${row.figure}\``, row.stat, row.first, row.last, row.change]),
      [2, 3, 4],
    );
    return ['### Drift', ...(rows.length > 0 ? [table] : []), ...ratios].join('\n\n');
  }
  const own = [...trendsOf(scenario.summary), ...customNonTrendsOf(scenario.summary)]
    .map(({ name }) => name)
    .filter((name) => !isBuiltIn(name));
  const held =
    own.length > 0 ? own.map((name) => `\`${name}\``).join(', ') : 'only k6’s own metrics';
  return (
    '### Drift\n\nNot recorded: no early/late (`early_*` / `late_*` or `*_first_window` / ' +
    `\`*_last_window\`) metric pairs. The summary holds ${held}.`
  );
}
