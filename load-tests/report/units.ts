// How a figure is written in the report. 'fraction' is a k6 Rate (0..1), shown as a percentage.
export type Unit = 'ms' | 'req/s' | 'fraction' | 'VUs' | 'count';

const grouped = (value: number, digits: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${grouped(ms / 1000, 2)} s`;
  if (ms >= 100) return `${grouped(ms, 0)} ms`;
  if (ms >= 1) return `${grouped(ms, 1)} ms`;
  return `${grouped(ms, 2)} ms`;
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'req/s':
      return `${grouped(value, value >= 100 ? 0 : 1)} req/s`;
    case 'fraction': {
      const percent = value * 100;
      if (percent === 0) return '0 %';
      return `${grouped(percent, percent !== 0 && percent < 10 ? 2 : 1)} %`;
    }
    case 'VUs':
      return `${grouped(value, 0)} VUs`;
    case 'count':
      return grouped(value, Number.isInteger(value) ? 0 : 2);
  }
}
