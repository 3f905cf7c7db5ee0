import { benchMetrics, benchSystemLabel, saleGraphFile } from '../bench-metrics';

describe('BENCH_METRICS', () => {
  it('is off unless set to on', () => {
    expect(benchMetrics({ PROMETHEUS_URL: 'http://p:9090' })).toBeUndefined();
  });

  it('graphs from the local Prometheus when on, and refuses without one', () => {
    expect(benchMetrics({ BENCH_METRICS: 'on', PROMETHEUS_URL: 'http://p:9090' })).toEqual({
      prometheusUrl: 'http://p:9090',
    });
    expect(() => benchMetrics({ BENCH_METRICS: 'on' })).toThrow(/needs the local Prometheus/);
  });

  it("labels each scenario's system by run and scenario, and names its graph after the scenario", () => {
    expect(benchSystemLabel('/repo/load-tests/results/2026-12-07T00-36-30Z', 'journey')).toBe(
      'bench-2026-12-07T00-36-30Z-journey',
    );
    expect(saleGraphFile('journey')).toBe('journey.sale.svg');
  });
});
