import { remoteWriteEnv } from '../k6';

describe("where k6 streams a run's metrics", () => {
  it('is the local Prometheus when PROMETHEUS_URL is set, with the stats the dashboard reads', () => {
    expect(remoteWriteEnv({ PROMETHEUS_URL: 'http://127.0.0.1:9090' })).toEqual({
      K6_PROMETHEUS_RW_SERVER_URL: 'http://127.0.0.1:9090/api/v1/write',
      K6_PROMETHEUS_RW_TREND_STATS: 'p(50),p(95),p(99),avg,max',
    });
  });

  it('is K6_PROMETHEUS_RW_SERVER_URL when set, with its own trend stats if given', () => {
    const env = {
      PROMETHEUS_URL: 'http://127.0.0.1:9090',
      K6_PROMETHEUS_RW_SERVER_URL: 'http://elsewhere:9090/api/v1/write',
      K6_PROMETHEUS_RW_TREND_STATS: 'p(90)',
    };
    expect(remoteWriteEnv(env)).toEqual({
      K6_PROMETHEUS_RW_SERVER_URL: 'http://elsewhere:9090/api/v1/write',
      K6_PROMETHEUS_RW_TREND_STATS: 'p(90)',
    });
  });

  it('is nowhere without either', () => {
    expect(remoteWriteEnv({})).toEqual({});
  });
});
