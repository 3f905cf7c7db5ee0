// The end of every scenario: k6's summary data as JSON in SUMMARY_FILE (what the runner and the
// bench report read), and a short text summary on stdout. A script may first add figures of its
// own to the data (e.g. the stress knee) through `addFigures(data)`.

/** Spread into each script's options: p99 too, which k6 leaves out by default. */
export const summaryOptions = {
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
};

export function summaryHandler(addFigures) {
  return function handleSummary(data) {
    if (addFigures) addFigures(data);
    const files = { stdout: textSummary(data) };
    if (__ENV.SUMMARY_FILE) files[__ENV.SUMMARY_FILE] = JSON.stringify(data, null, 1);
    return files;
  };
}

/** Adds a figure computed after the run as a gauge, the way the report reads metrics. */
export function addGauge(data, name, value) {
  data.metrics[name] = {
    type: 'gauge',
    contains: 'default',
    values: { value, min: value, max: value },
  };
}

function textSummary(data) {
  const lines = [];
  const metrics = Object.entries(data.metrics).sort(([a], [b]) => a.localeCompare(b));
  lines.push('thresholds:');
  for (const [name, metric] of metrics) {
    for (const [rule, { ok }] of Object.entries(metric.thresholds || {})) {
      const stat = statOf(rule);
      const value = stat in metric.values ? ` (${stat}=${format(metric, stat)})` : '';
      lines.push(`  ${ok ? '✓' : '✗'} ${name} ${rule}${value}`);
    }
  }
  const reqs = data.metrics.http_reqs;
  const failed = data.metrics.http_req_failed;
  if (reqs) {
    const failedShare = failed ? `${(failed.values.rate * 100).toFixed(2)} %` : 'n/a';
    lines.push(
      `requests: ${reqs.values.count}, ${reqs.values.rate.toFixed(1)}/s, failed ${failedShare}`,
    );
  }
  lines.push(...checkLines(data));
  lines.push('trends (ms): avg / p(95) / max');
  for (const [name, metric] of metrics) {
    if (metric.type !== 'trend' || name.includes('{')) continue;
    const { avg, max } = metric.values;
    lines.push(`  ${name}: ${fixed(avg)} / ${fixed(metric.values['p(95)'])} / ${fixed(max)}`);
  }
  const counters = metrics.filter(([name, m]) => m.type === 'counter' && !name.includes('{'));
  const custom = counters.filter(([name]) => !/^(http_reqs|iterations|data_|dropped_)/.test(name));
  if (custom.length > 0) {
    lines.push(`counters: ${custom.map(([name, m]) => `${name} ${m.values.count}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function checkLines(data) {
  const checks = [];
  const visit = (group) => {
    checks.push(...group.checks);
    group.groups.forEach(visit);
  };
  visit(data.root_group);
  const passes = checks.reduce((sum, c) => sum + c.passes, 0);
  const fails = checks.reduce((sum, c) => sum + c.fails, 0);
  const failing = checks.filter((c) => c.fails > 0).map((c) => `${c.name} ✗${c.fails}`);
  return [`checks: ${passes} passed, ${fails} failed`, ...failing.map((line) => `  ${line}`)];
}

function statOf(rule) {
  return rule.split(/[<>=!]/)[0].trim();
}

function format(metric, stat) {
  const value = metric.values[stat];
  if (metric.type === 'rate') return `${(value * 100).toFixed(2)} %`;
  return metric.contains === 'time' ? `${fixed(value)} ms` : fixed(value);
}

function fixed(value) {
  return typeof value === 'number' ? (Math.round(value * 10) / 10).toString() : '-';
}
