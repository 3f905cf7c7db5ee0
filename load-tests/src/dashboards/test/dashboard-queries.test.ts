import { panelQueries, readDashboards, substitute, variableQueries } from '../dashboard-queries';

const at = { stepSeconds: 5, scrapeSeconds: 5, rangeSeconds: 600 };

describe('a panel query as Grafana sends it', () => {
  it('fills in single and multi-value variables, the latter as a regex alternation', () => {
    const expr = 'up{system="$system", service=~"${service}"}';
    expect(substitute(expr, { system: 'local', service: ['gateway', 'queue'] }, at)).toBe(
      'up{system="local", service=~"(gateway|queue)"}',
    );
  });

  it('sets $__rate_interval as Grafana does: four scrapes, or a step and a scrape if longer', () => {
    const expr = 'rate(x[$__rate_interval]) + x offset $__interval + x[$__range]';
    expect(substitute(expr, {}, at)).toBe('rate(x[20s]) + x offset 5s + x[600s]');
    expect(substitute('rate(x[$__rate_interval])', {}, { ...at, stepSeconds: 60 })).toBe(
      'rate(x[65s])',
    );
  });

  it('leaves a variable it has no value for, for Prometheus to refuse', () => {
    expect(substitute('x{a="$unknown"}', {}, at)).toBe('x{a="$unknown"}');
  });
});

describe('the committed dashboards', () => {
  const dashboards = readDashboards();

  it('name each query by dashboard, panel and refId', () => {
    expect(panelQueries(dashboards)).toContainEqual({
      name: 'Headliner overview › Request rate [A]',
      expr: expect.stringContaining('http_request_duration_seconds_count'),
    });
  });

  it('offer label_values() variables only, each read as label and series selector', () => {
    expect(variableQueries(dashboards)).toContainEqual({
      name: 'Headliner load test (k6) › $testid',
      variable: 'testid',
      label: 'testid',
      match: 'k6_vus',
    });
  });
});
