import { runCharts } from '../charts/run-charts';
import { readRunFolder } from '../run-folder';
import { fixtureRunDir } from './fixture-run';
import { runWith, summaryWith, trend } from './run-builder';

describe('when the charts of a run are drawn', () => {
  it('draws latency, throughput and the journey’s steps', async () => {
    const charts = runCharts(await readRunFolder(fixtureRunDir));

    expect(charts.map((chart) => chart.file)).toEqual([
      'latency.svg',
      'throughput.svg',
      'journey-steps.svg',
    ]);
    expect(charts[2]?.svg).toContain('>login</text>');
  });

  it('leaves out a percentile no summary has, and the journey chart when no journey ran', () => {
    const run = runWith({
      soak: {
        summary: summaryWith({ http_req_duration: trend({ avg: 5, 'p(90)': 9, 'p(95)': 12 }) }),
      },
    });
    const charts = runCharts(run);

    expect(charts.map((chart) => chart.file)).toEqual(['latency.svg', 'throughput.svg']);
    expect(charts[0]?.svg).toContain('>p95</text>');
    expect(charts[0]?.svg).not.toContain('p99');
  });

  it('draws the latency without the waiting-room polls where the scenario tagged them', () => {
    const run = runWith({
      journey: {
        summary: summaryWith({
          http_req_duration: trend({ avg: 900 }),
          'http_req_duration{queue_wait:false}': trend({ avg: 42 }),
        }),
      },
    });

    expect(runCharts(run)[0]?.svg).toContain('>42.0 ms</text>');
  });
});
