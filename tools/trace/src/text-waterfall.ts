import { formatMicros } from './durations';
import { hopLabel } from './span-facts';
import type { Waterfall, WaterfallRow } from './waterfall';

// A waterfall as monospaced text: one line per span with its offset, duration, service, place in
// the tree and a bar on a common time line; ✗ marks a span that failed, a Kafka hop is named
// after its bar.

export interface TextOptions {
  /** Characters of the time line (default 40). */
  barWidth?: number;
  /** Span names longer than this are cut (default 72). */
  nameWidth?: number;
}

function treePrefix(row: WaterfallRow): string {
  if (row.depth === 0) return '';
  const guides = row.openLevels.map((open) => (open ? '│ ' : '  ')).join('');
  const link = row.followsFrom ? '┄ ' : '─ ';
  return `${guides}${row.last ? '└' : '├'}${link}`;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

function bar(row: WaterfallRow, totalUs: number, width: number): string {
  const scale = totalUs > 0 ? width / totalUs : 0;
  const from = Math.min(width - 1, Math.floor(row.startOffsetUs * scale));
  const to = Math.max(
    from + 1,
    Math.min(width, Math.ceil((row.startOffsetUs + row.durationUs) * scale)),
  );
  const fill = row.error ? '▓' : '█';
  return `${' '.repeat(from)}${fill.repeat(to - from)}${' '.repeat(width - to)}`;
}

export function waterfallText(waterfall: Waterfall, options: TextOptions = {}): string {
  const barWidth = options.barWidth ?? 40;
  const nameWidth = options.nameWidth ?? 72;
  const serviceWidth = Math.max(7, ...waterfall.services.map((s) => s.length));
  const labels = waterfall.rows.map((row) => cut(`${treePrefix(row)}${row.name}`, nameWidth));
  const errors = waterfall.rows.filter((row) => row.error).length;
  const lines = [
    `trace ${waterfall.traceId} · ${formatMicros(waterfall.durationUs)} · ` +
      `${waterfall.rows.length} spans · ${waterfall.services.length} services ` +
      `(${waterfall.services.join(', ')})` +
      (errors > 0 ? ` · ${errors} failed` : ''),
    '',
    `${'offset'.padStart(9)} ${'duration'.padStart(9)}   ${'service'.padEnd(serviceWidth)}  ` +
      `${'span'.padEnd(nameWidth)}  |${`0 … ${formatMicros(waterfall.durationUs)}`.padEnd(barWidth)}|`,
    ...waterfall.rows.map(
      (row, i) =>
        `${formatMicros(row.startOffsetUs).padStart(9)} ${formatMicros(row.durationUs).padStart(9)} ` +
        `${row.error ? '✗' : ' '} ${row.service.padEnd(serviceWidth)}  ${labels[i]}  ` +
        `|${bar(row, waterfall.durationUs, barWidth)}|${row.hop ? ` ${hopLabel(row.hop)}` : ''}`,
    ),
    '',
    '✗ / ▓ a span that failed · ├┄ follows from (a link, e.g. a consumer to its producer) · ' +
      'kafka → topic: produced, kafka ← topic: consumed',
  ];
  return `${lines.join('\n')}\n`;
}

/** The same text in a fenced block, for a Markdown report. */
export function waterfallMarkdown(waterfall: Waterfall, options: TextOptions = {}): string {
  return `\`\`\`text\n${waterfallText(waterfall, options)}\`\`\`\n`;
}
