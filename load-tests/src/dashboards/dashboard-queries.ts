import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// What Grafana would ask Prometheus for the dashboards of deploy/observability/grafana: every
// panel's every target, and every template variable's values, with the variables filled in.

export const dashboardsDir = path.resolve(
  __dirname,
  '../../../deploy/observability/grafana/dashboards',
);

interface Target {
  refId: string;
  expr: string;
}
interface Panel {
  type: string;
  title: string;
  targets?: Target[];
}
interface Variable {
  name: string;
  definition: string;
}
export interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

export function readDashboards(dir = dashboardsDir): Dashboard[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Dashboard);
}

export interface PanelQuery {
  /** "Dashboard › Panel [refId]", as a failure names it. */
  name: string;
  expr: string;
}

export function panelQueries(dashboards: readonly Dashboard[]): PanelQuery[] {
  return dashboards.flatMap((dashboard) =>
    dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({
        name: `${dashboard.title} › ${panel.title} [${target.refId}]`,
        expr: target.expr,
      })),
    ),
  );
}

export interface VariableQuery {
  name: string;
  variable: string;
  label: string;
  /** The series selector whose label values Grafana offers. */
  match: string;
}

/** Each `label_values(selector, label)` variable (the only kind the dashboards use). */
export function variableQueries(dashboards: readonly Dashboard[]): VariableQuery[] {
  return dashboards.flatMap((dashboard) =>
    dashboard.templating.list.map((variable) => {
      const parsed = /^label_values\((.+),\s*(\w+)\)$/.exec(variable.definition);
      if (!parsed) throw new Error(`${dashboard.title} › $${variable.name}: not label_values()`);
      return {
        name: `${dashboard.title} › $${variable.name}`,
        variable: variable.name,
        match: parsed[1] as string,
        label: parsed[2] as string,
      };
    }),
  );
}

/**
 * An expression as Grafana sends it for a range query at `stepSeconds` against a Prometheus that
 * scrapes every `scrapeSeconds`: the dashboard's variables replaced by `values` (a multi-value
 * variable as a regex alternation), Grafana's $__interval, $__rate_interval and $__range by
 * durations. A variable without a value stays, for Prometheus to refuse.
 */
export function substitute(
  expr: string,
  values: Readonly<Record<string, string | readonly string[]>>,
  {
    stepSeconds,
    scrapeSeconds,
    rangeSeconds,
  }: Record<'stepSeconds' | 'scrapeSeconds' | 'rangeSeconds', number>,
): string {
  const builtIn: Record<string, string> = {
    __rate_interval: `${Math.max(stepSeconds + scrapeSeconds, 4 * scrapeSeconds)}s`,
    __interval: `${stepSeconds}s`,
    __range: `${Math.round(rangeSeconds)}s`,
  };
  return expr.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => {
    const name = (braced ?? bare) as string;
    const value = builtIn[name] ?? values[name];
    if (value === undefined) return whole;
    return typeof value === 'string' ? value : `(${value.join('|')})`;
  });
}
