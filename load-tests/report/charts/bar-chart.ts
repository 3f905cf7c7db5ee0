import { linearAxis } from './axis';
import { escapeXml, svgDocument } from './svg-document';

// A horizontal grouped bar chart as plain SVG: explicit size, generic fonts, every bar labelled
// with its value, so it reads the same in a browser and on GitHub.

export interface BarSeries {
  name: string;
  colour: string;
  values: (number | undefined)[];
}

export interface BarChart {
  title: string;
  axisTitle: string;
  categories: string[];
  series: BarSeries[];
  formatValue: (value: number) => string;
}

const width = 760;
const bar = 16;
const barGap = 3;
const groupGap = 16;

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x}" y="${y}" ${attributes}>${escapeXml(content)}</text>`;
}

export function barChartSvg(chart: BarChart): string {
  const { categories, series } = chart;
  const longest = Math.max(...categories.map((c) => c.length), 4);
  const left = Math.round(longest * 7 + 20);
  const right = width - 90;
  const legendHeight = series.length > 1 ? 26 : 0;
  const top = 44 + legendHeight;
  const groupHeight = series.length * (bar + barGap) - barGap;
  const plotHeight = categories.length * (groupHeight + groupGap) + groupGap;
  const height = top + plotHeight + 52;
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== undefined);
  const axis = linearAxis(Math.max(0, ...all));
  const x = (value: number): number => left + ((right - left) * value) / axis.max;

  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(16, 26, chart.title, 'font-size="16" font-weight="bold" fill="#222"'),
  ];
  if (legendHeight > 0) {
    series.forEach((s, i) => {
      const lx = left + i * 110;
      parts.push(`<rect x="${lx}" y="40" width="12" height="12" fill="${s.colour}"/>`);
      parts.push(text(lx + 17, 50, s.name, 'font-size="12" fill="#333"'));
    });
  }
  for (const tick of axis.ticks) {
    const tx = x(tick).toFixed(1);
    parts.push(
      `<line x1="${tx}" y1="${top}" x2="${tx}" y2="${top + plotHeight}" stroke="#e3e3e3"/>`,
      text(
        Number(tx),
        top + plotHeight + 16,
        tick.toLocaleString('en-US'),
        'font-size="11" fill="#555" text-anchor="middle"',
      ),
    );
  }
  categories.forEach((category, c) => {
    const groupTop = top + groupGap + c * (groupHeight + groupGap);
    parts.push(
      text(
        left - 10,
        groupTop + groupHeight / 2 + 4,
        category,
        'font-size="12" fill="#222" text-anchor="end"',
      ),
    );
    series.forEach((s, i) => {
      const y = groupTop + i * (bar + barGap);
      const value = s.values[c];
      if (value === undefined) {
        parts.push(text(left + 4, y + bar - 4, `${s.name}: n/a`, 'font-size="11" fill="#888"'));
        return;
      }
      const w = Math.max(x(value) - left, value > 0 ? 1 : 0).toFixed(1);
      parts.push(`<rect x="${left}" y="${y}" width="${w}" height="${bar}" fill="${s.colour}"/>`);
      parts.push(
        text(
          left + Number(w) + 4,
          y + bar - 4,
          chart.formatValue(value),
          'font-size="11" fill="#333"',
        ),
      );
    });
  });
  parts.push(
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#999"/>`,
    `<line x1="${left}" y1="${top + plotHeight}" x2="${right}" y2="${top + plotHeight}" stroke="#999"/>`,
    text(
      (left + right) / 2,
      top + plotHeight + 38,
      chart.axisTitle,
      'font-size="12" fill="#333" text-anchor="middle"',
    ),
  );
  return svgDocument(width, height, chart.title, parts);
}
