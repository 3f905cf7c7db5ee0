import { formatMicros, timeTicks } from './durations';
import type { Waterfall, WaterfallRow } from './waterfall';

// A waterfall as plain SVG (explicit size, generic fonts, like the bench's charts): one row per
// span, indented under its parent, a bar per span coloured by service on a common time axis, a
// failed span in red with ✗, a Kafka hop marked beside its bar and drawn dashed from the producer's
// end (or its parent) to the consumer's start.

const width = 1200;
const rowHeight = 22;
const serviceX = 16;
const serviceWidth = 110;
const nameX = serviceX + serviceWidth;
const nameWidth = 420;
const timelineLeft = nameX + nameWidth + 10;
const timelineRight = width - 150;
const top = 78;
const errorColour = '#d62728';
const palette = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#bab0ac',
];
const font = 'font-family="Helvetica, Arial, sans-serif"';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const text = (x: number, y: number, content: string, attributes = ''): string =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${escapeXml(content)}</text>`;

/** About 6.2 px per character at 11 px: enough to keep a name out of the time line. */
const fit = (label: string, px: number): string => {
  const room = Math.floor(px / 6.2);
  return label.length <= room ? label : `${label.slice(0, Math.max(1, room - 1))}…`;
};

export function waterfallSvg(waterfall: Waterfall): string {
  const colourOf = new Map(waterfall.services.map((s, i) => [s, palette[i % palette.length]]));
  const total = waterfall.durationUs;
  const x = (us: number) =>
    timelineLeft + (total > 0 ? ((timelineRight - timelineLeft) * us) / total : 0);
  const rowY = (i: number) => top + i * rowHeight;
  const height = top + waterfall.rows.length * rowHeight + 40;
  const indexOf = new Map(waterfall.rows.map((row, i) => [row.spanId, i]));
  const title =
    `Trace ${waterfall.traceId}: ${formatMicros(total)}, ${waterfall.rows.length} spans, ` +
    `${waterfall.services.length} services`;

  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(16, 24, title, 'font-size="15" font-weight="bold" fill="#222"'),
  ];
  waterfall.services.forEach((service, i) => {
    const lx = 16 + i * 120;
    parts.push(`<rect x="${lx}" y="36" width="11" height="11" fill="${colourOf.get(service)}"/>`);
    parts.push(text(lx + 16, 46, service, 'font-size="12" fill="#333"'));
  });
  const legendX = 16 + waterfall.services.length * 120 + 10;
  parts.push(
    `<rect x="${legendX}" y="36" width="11" height="11" fill="${errorColour}"/>`,
    text(legendX + 16, 46, '✗ failed', 'font-size="12" fill="#333"'),
    `<line x1="${legendX + 90}" y1="42" x2="${legendX + 120}" y2="42" stroke="#555" stroke-dasharray="3,3"/>`,
    text(legendX + 126, 46, 'Kafka: produced → consumed', 'font-size="12" fill="#333"'),
    text(serviceX, top - 8, 'service', 'font-size="11" fill="#777"'),
    text(nameX, top - 8, 'span', 'font-size="11" fill="#777"'),
  );
  for (const tick of timeTicks(total)) {
    const tx = x(tick);
    parts.push(
      `<line x1="${tx.toFixed(1)}" y1="${top - 4}" x2="${tx.toFixed(1)}" y2="${rowY(waterfall.rows.length)}" stroke="#e6e6e6"/>`,
      text(tx, top - 8, formatMicros(tick), 'font-size="10" fill="#777" text-anchor="middle"'),
    );
  }

  waterfall.rows.forEach((row, i) => {
    const y = rowY(i);
    if (i % 2 === 1) {
      parts.push(
        `<rect x="0" y="${y}" width="${width}" height="${rowHeight}" fill="#f7f7f7" fill-opacity="0.6"/>`,
      );
    }
    parts.push(...rowParts(row, y, x, colourOf.get(row.service) ?? '#999'));
    const parentIndex = row.parentSpanId === undefined ? undefined : indexOf.get(row.parentSpanId);
    if (row.kind === 'consumer' && parentIndex !== undefined) {
      // From the producer's end when the parent is one, else straight down to the consumer.
      const parent = waterfall.rows[parentIndex] as WaterfallRow;
      const fromX =
        parent.kind === 'producer'
          ? x(parent.startOffsetUs + parent.durationUs)
          : x(row.startOffsetUs);
      parts.push(
        `<path d="M${fromX.toFixed(1)},${rowY(parentIndex) + rowHeight / 2} V${y + rowHeight / 2} H${x(row.startOffsetUs).toFixed(1)}" fill="none" stroke="#555" stroke-dasharray="3,3"/>`,
      );
    }
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${font} role="img">`,
    `<title>${escapeXml(title)}</title>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function rowParts(row: WaterfallRow, y: number, x: (us: number) => number, colour: string) {
  const baseline = y + rowHeight / 2 + 4;
  const indent = row.depth * 12;
  const barX = x(row.startOffsetUs);
  const barWidth = Math.max(1.5, x(row.startOffsetUs + row.durationUs) - barX);
  const fill = row.error ? errorColour : colour;
  const label = `${row.error ? '✗ ' : ''}${row.name}`;
  // The topic is in the span's name already: the note says only which way the hop goes.
  const hop = row.hop ? `  ${row.hop.system} ${row.hop.arrow}` : '';
  const note = `${formatMicros(row.durationUs)}${hop}`;
  // A note that would run off the right edge goes before its bar instead.
  const noteFits = barX + barWidth + 5 + note.length * 5.6 < width - 8;
  const noteAt = noteFits
    ? text(barX + barWidth + 5, baseline, note, 'font-size="10" fill="#444"')
    : text(barX - 5, baseline, note, 'font-size="10" fill="#444" text-anchor="end"');
  return [
    text(serviceX, baseline, fit(row.service, serviceWidth - 8), `font-size="11" fill="${colour}"`),
    text(
      nameX + indent,
      baseline,
      fit(label, nameWidth - indent),
      `font-size="11" fill="${row.error ? errorColour : '#222'}"`,
    ),
    `<rect x="${barX.toFixed(1)}" y="${y + 5}" width="${barWidth.toFixed(1)}" height="${rowHeight - 10}" rx="2" fill="${fill}"/>`,
    noteAt,
  ];
}
