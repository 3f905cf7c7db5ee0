import { linearAxis } from '../charts/axis';
import { barChartSvg } from '../charts/bar-chart';

describe('when an axis is laid out', () => {
  it('starts at zero and steps in round numbers past the largest value', () => {
    expect(linearAxis(290)).toEqual({ max: 300, ticks: [0, 100, 200, 300] });
    expect(linearAxis(112)).toEqual({ max: 125, ticks: [0, 25, 50, 75, 100, 125] });
    expect(linearAxis(0.3)).toEqual({ max: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
  });

  it('still has an axis when every value is zero', () => {
    expect(linearAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
  });
});

describe('when a bar chart is drawn', () => {
  const svg = barChartSvg({
    title: 'Latency <per> scenario',
    axisTitle: 'milliseconds',
    categories: ['journey', 'soak'],
    series: [
      { name: 'avg', colour: '#4e79a7', values: [25, 7] },
      { name: 'p99', colour: '#e15759', values: [110, undefined] },
    ],
    formatValue: (value) => `${value} ms`,
  });

  it('has an explicit size, so GitHub and browsers show it as drawn', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="760" height="\d+" viewBox="0 0 760 \d+"/,
    );
  });

  it('draws and labels one bar per value, and says n/a where a value is missing', () => {
    const bars = svg.match(/<rect x="\d+" y="\d+" width="[\d.]+" height="16"/g) ?? [];

    expect(bars).toHaveLength(3);
    expect(svg).toContain('>110 ms</text>');
    expect(svg).toContain('>p99: n/a</text>');
  });

  it('escapes text so the file stays well-formed XML', () => {
    expect(svg).toContain('Latency &lt;per&gt; scenario');
    expect(svg).not.toContain('<per>');
  });
});
