// The few Grafana dashboard JSON shapes (schemaVersion 39, Grafana 10/11) the dashboards use,
// so every panel reads the same datasource uid and lays out on the same grid. Plain functions
// rather than @grafana/grafana-foundation-sdk: the dashboards need three shapes (time series,
// row, query variable), which this file covers without a dependency for the whole workspace,
// and the test of the panels reads the JSON, not the builders.

/** Fixed uids: provisioning/datasources/datasources.yaml creates the datasources under them. */
export const prometheus = { type: 'prometheus', uid: 'headliner-prometheus' };
export const jaeger = { type: 'jaeger', uid: 'headliner-jaeger' };

const gridWidth = 24;
const panelHeight = 8;

/** A query variable whose values are a label's values in Prometheus. */
export function queryVariable({ name, label, query, multi = false, includeAll = false }) {
  return {
    name,
    label,
    type: 'query',
    datasource: prometheus,
    query: { query, refId: `${name}-values` },
    definition: query,
    refresh: 2,
    sort: 1,
    multi,
    includeAll,
    current: {},
    options: [],
    hide: 0,
  };
}

/**
 * A time series panel. `targets` are [expr, legend] pairs; width in grid columns (of 24).
 * `stack` stacks the series (parts of one whole, e.g. outcomes of one kind of request).
 */
export function timeseries({ title, description, unit, targets, width = 8, stack = false, max }) {
  return {
    type: 'timeseries',
    title,
    description,
    datasource: prometheus,
    width,
    fieldConfig: {
      defaults: {
        unit,
        ...(max === undefined ? {} : { max }),
        custom: {
          drawStyle: 'line',
          lineWidth: 1,
          fillOpacity: stack ? 30 : 10,
          showPoints: 'never',
          stacking: { mode: stack ? 'normal' : 'none', group: 'A' },
        },
      },
      overrides: [],
    },
    options: {
      legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'multi', sort: 'desc' },
    },
    targets: targets.map(([expr, legendFormat], i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: prometheus,
      expr,
      legendFormat,
      range: true,
    })),
  };
}

/**
 * Lays rows of panels out on Grafana's 24-column grid, left to right, wrapping, and numbers
 * every panel; returns the flat panel list (rows expanded, their panels after them).
 */
export function layout(rows) {
  const panels = [];
  let id = 1;
  let y = 0;
  for (const row of rows) {
    panels.push({
      type: 'row',
      id: id++,
      title: row.title,
      collapsed: false,
      gridPos: { h: 1, w: gridWidth, x: 0, y },
      panels: [],
    });
    y += 1;
    let x = 0;
    for (const { width, ...panel } of row.panels) {
      if (x + width > gridWidth) {
        x = 0;
        y += panelHeight;
      }
      panels.push({ id: id++, gridPos: { h: panelHeight, w: width, x, y }, ...panel });
      x += width;
    }
    y += panelHeight;
  }
  return panels;
}

/** A whole dashboard: the JSON Grafana's file provisioning loads. */
export function dashboard({ uid, title, description, tags, variables, rows }) {
  return {
    uid,
    title,
    description,
    tags,
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    time: { from: 'now-30m', to: 'now' },
    refresh: '10s',
    timezone: 'browser',
    fiscalYearStartMonth: 0,
    liveNow: false,
    annotations: { list: [] },
    // Every Headliner dashboard one click from another, keeping the time range and variables.
    links: [
      {
        title: 'Headliner dashboards',
        type: 'dashboards',
        tags: ['headliner'],
        asDropdown: true,
        keepTime: true,
        includeVars: true,
      },
    ],
    templating: { list: variables },
    panels: layout(rows),
  };
}
