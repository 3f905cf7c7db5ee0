import { linearAxis } from './axis';
import { escapeXml, svgDocument } from './svg-document';

// Time series as stacked line-chart panels sharing one time axis, as plain SVG like the bar
// charts: explicit size, generic fonts, a legend per panel.

export interface LineSeries {
  name: string;
  /** [seconds from the chart's start, value] in time order; a gap in time is drawn as a gap. */
  points: [number, number][];
}

export interface LinePanel {
  title: string;
  formatValue: (value: number) => string;
  series: LineSeries[];
}

export interface LineChart {
  title: string;
  subtitle?: string;
  /** Seconds the time axis spans. */
  durationSeconds: number;
  /** The largest gap between two points still drawn joined (e.g. two scrape intervals). */
  joinWithinSeconds: number;
  panels: LinePanel[];
  /** Moments drawn as labelled vertical lines across every panel (a fault, an alert). */
  markers?: LineMarker[];
}

export interface LineMarker {
  atSeconds: number;
  label: string;
  colour: string;
}

const width = 900;
const left = 70;
const right = width - 190;
const panelHeight = 130;
const panelGap = 46;
const colours = ['#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#76b7b2', '#9c755f'];

const text = (x: number, y: number, content: string, attributes = ''): string =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${escapeXml(content)}</text>`;

/** The points split where two neighbours are further apart than `joinWithin`. */
function runsOf(points: [number, number][], joinWithin: number): [number, number][][] {
  const runs: [number, number][][] = [];
  points.forEach((point, i) => {
    const previous = points[i - 1];
    if (!previous || point[0] - previous[0] > joinWithin) runs.push([point]);
    else runs[runs.length - 1]?.push(point);
  });
  return runs;
}

export function lineChartSvg(chart: LineChart): string {
  const top = chart.subtitle ? 62 : 44;
  const height = top + chart.panels.length * (panelHeight + panelGap) + 10;
  const time = linearAxis(chart.durationSeconds, 8);
  const x = (seconds: number) => left + ((right - left) * seconds) / time.max;
  const parts = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(16, 26, chart.title, 'font-size="16" font-weight="bold" fill="#222"'),
    ...(chart.subtitle ? [text(16, 46, chart.subtitle, 'font-size="12" fill="#555"')] : []),
  ];
  chart.panels.forEach((panel, p) => {
    const panelTop = top + p * (panelHeight + panelGap) + 18;
    const bottom = panelTop + panelHeight;
    const values = panel.series.flatMap((s) => s.points.map(([, v]) => v));
    const axis = linearAxis(Math.max(0, ...values), 4);
    const y = (value: number) => bottom - (panelHeight * value) / axis.max;
    parts.push(
      text(left, panelTop - 8, panel.title, 'font-size="13" font-weight="bold" fill="#333"'),
    );
    for (const tick of axis.ticks) {
      parts.push(
        `<line x1="${left}" y1="${y(tick).toFixed(1)}" x2="${right}" y2="${y(tick).toFixed(1)}" stroke="#e3e3e3"/>`,
        text(
          left - 6,
          y(tick) + 4,
          panel.formatValue(tick),
          'font-size="10" fill="#555" text-anchor="end"',
        ),
      );
    }
    for (const tick of time.ticks) {
      parts.push(
        `<line x1="${x(tick).toFixed(1)}" y1="${panelTop}" x2="${x(tick).toFixed(1)}" y2="${bottom}" stroke="#f0f0f0"/>`,
        text(x(tick), bottom + 14, `${tick} s`, 'font-size="10" fill="#555" text-anchor="middle"'),
      );
    }
    panel.series.forEach((series, s) => {
      const colour = colours[s % colours.length] ?? '#333';
      for (const run of runsOf(series.points, chart.joinWithinSeconds)) {
        const d = run
          .map(([t, v], i) => `${i === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y(v).toFixed(1)}`)
          .join(' ');
        parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
        if (run.length === 1) {
          const [[t, v]] = run as [[number, number]];
          parts.push(
            `<circle cx="${x(t).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${colour}"/>`,
          );
        }
      }
      const ly = panelTop + 6 + s * 18;
      parts.push(
        `<rect x="${right + 14}" y="${ly}" width="12" height="3" fill="${colour}"/>`,
        text(right + 32, ly + 5, series.name, 'font-size="11" fill="#333"'),
      );
    });
    if (panel.series.length === 0) {
      parts.push(
        text(
          (left + right) / 2,
          panelTop + panelHeight / 2,
          'no data',
          'font-size="12" fill="#888" text-anchor="middle"',
        ),
      );
    }
    parts.push(
      `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#999"/>`,
      `<line x1="${left}" y1="${panelTop}" x2="${left}" y2="${bottom}" stroke="#999"/>`,
    );
  });
  parts.push(...markerLines(chart.markers ?? [], x, top, height));
  return svgDocument(width, height, chart.title, parts);
}

// Labels stack downwards so that markers a few seconds apart stay readable.
function markerLines(
  markers: LineMarker[],
  x: (seconds: number) => number,
  top: number,
  height: number,
): string[] {
  return markers.flatMap((marker, i) => [
    `<line x1="${x(marker.atSeconds).toFixed(1)}" y1="${top}" x2="${x(marker.atSeconds).toFixed(1)}" y2="${height - 10}" stroke="${marker.colour}" stroke-width="1.5" stroke-dasharray="5,3"/>`,
    text(
      x(marker.atSeconds) + 3,
      top + 10 + i * 12,
      marker.label,
      `font-size="10" fill="${marker.colour}"`,
    ),
  ]);
}
