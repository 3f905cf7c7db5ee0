import type { SummaryMetric } from './k6-summary';
import { formatMs, formatValue } from './units';

// One metric's headline figure, whatever its type, for the report's smaller tables.

/** The statistic that stands for the whole metric: a gauge's last value, a counter's count… */
export function headlineStat(metric: SummaryMetric): string {
  switch (metric.type) {
    case 'gauge':
      return 'value';
    case 'counter':
      return 'count';
    case 'rate':
      return 'rate';
    case 'trend':
      return 'avg';
  }
}

export function formatStat(metric: SummaryMetric, stat: string): string {
  const value = metric.values[stat];
  if (value === undefined) return '—';
  if (metric.type === 'rate' && stat === 'rate') return formatValue(value, 'fraction');
  if (metric.contains === 'time' && stat !== 'count') return formatMs(value);
  return formatValue(value, 'count');
}

/** e.g. "49.8 % (299 of 601)" for a rate, "539 (177.2/s)" for a counter. */
export function describeMetric(metric: SummaryMetric): string {
  const { values } = metric;
  const headline = formatStat(metric, headlineStat(metric));
  if (metric.type === 'rate' && values.passes !== undefined && values.fails !== undefined) {
    return `${headline} (${formatValue(values.passes, 'count')} of ${formatValue(values.passes + values.fails, 'count')})`;
  }
  if (metric.type === 'counter' && values.rate !== undefined) {
    return `${headline} (${formatValue(values.rate, 'count')}/s)`;
  }
  const { min, max } = values;
  if (metric.type === 'gauge' && min !== undefined && max !== undefined && min !== max) {
    return `${headline} (min ${formatStat(metric, 'min')}, max ${formatStat(metric, 'max')})`;
  }
  return headline;
}
