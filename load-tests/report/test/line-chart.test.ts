import { lineChartSvg, type LineChart } from '../charts/line-chart';

describe('a line chart of time series', () => {
  const chart: LineChart = {
    title: 'journey: the sale',
    subtitle: 'system bench-1',
    durationSeconds: 60,
    joinWithinSeconds: 12.5,
    panels: [
      {
        title: 'Requests per second',
        formatValue: (v) => String(v),
        series: [
          {
            name: 'all',
            points: [
              [0, 10],
              [5, 40],
              [10, 20],
              // a scrape lost: from 10 s to 40 s nothing
              [40, 30],
              [45, 30],
            ],
          },
          { name: '5xx', points: [[20, 2]] },
        ],
      },
      { title: 'Payments per second', formatValue: (v) => String(v), series: [] },
    ],
  };
  const svg = lineChartSvg(chart);
  const paths = svg.match(/<path d="[^"]+"/g) ?? [];

  it('draws each series as lines, broken where points are further apart than allowed', () => {
    // "all": 0-10 s and 40-45 s; "5xx": a single point, drawn as a dot too.
    expect(paths).toHaveLength(3);
    expect(paths[0]?.match(/L/g)).toHaveLength(2);
    expect(paths[1]?.match(/L/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });

  it('scales time from zero to the window and values from zero to a round maximum', () => {
    // The time axis runs 0..60 s over x = 70..710; "all" peaks at 40 of an axis to 40.
    expect(paths[0]).toMatch(/^<path d="M70\.0,[\d.]+ L123\.3,([\d.]+) /);
    expect(svg).toContain('>60 s<');
    expect(svg).toContain('>40<');
  });

  it('names every panel and series, and says so when a panel has no data', () => {
    expect(svg).toContain('>journey: the sale<');
    expect(svg).toContain('>system bench-1<');
    expect(svg).toContain('>Requests per second<');
    expect(svg).toContain('>5xx<');
    expect(svg).toContain('>no data<');
  });
});
