import type { K6Summary } from './k6-summary';
import { markdownTable } from './markdown-table';
import { formatStat } from './metric-value';
import { trendsOf } from './summary-figures';

const columns = [
  ['avg', 'avg'],
  ['p50', 'med'],
  ['p90', 'p(90)'],
  ['p95', 'p(95)'],
  ['p99', 'p(99)'],
  ['max', 'max'],
] as const;

/** Every Trend of the summary; "—" where k6 was not asked for that percentile. */
export function trendTable(summary: K6Summary): string {
  const rows = trendsOf(summary).map(({ name, metric }) => [
    `\`${name}\``,
    ...columns.map(([, stat]) => formatStat(metric, stat)),
  ]);
  return markdownTable(
    ['trend', ...columns.map(([label]) => label)],
    rows,
    columns.map((_, i) => i + 1),
  );
}
