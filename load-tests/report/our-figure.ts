import type { RunFolder } from './run-folder';
import { statOf } from './summary-figures';
import { formatValue, type Unit } from './units';

/** Where one of our figures comes from: a statistic of the first metric the scenario recorded. */
export interface OurFigure {
  scenario: string;
  /** Candidates, most specific first (e.g. a step's Trend, then http_req_duration). */
  metrics: readonly string[];
  stat: string;
  unit: Unit;
}

export type ResolvedFigure =
  | { status: 'measured'; value: number; metric: string; vus?: number }
  | { status: 'not run' }
  | { status: 'not recorded' };

export function resolveFigure(run: RunFolder, figure: OurFigure): ResolvedFigure {
  const scenario = run.scenarios.find((s) => s.name === figure.scenario);
  if (!scenario) return { status: 'not run' };
  for (const metric of figure.metrics) {
    const value = statOf(scenario.summary, metric, figure.stat);
    const vus = statOf(scenario.summary, 'vus_max', 'value');
    if (value !== undefined) return { status: 'measured', value, metric, ...(vus && { vus }) };
  }
  return { status: 'not recorded' };
}

/** e.g. "journey at 1,000 VUs: `http_req_duration` p(95)", so a smoke run cannot pass for a full one. */
export function describeSource(figure: OurFigure, resolved: ResolvedFigure): string {
  const measured = resolved.status === 'measured';
  const metric = measured ? resolved.metric : figure.metrics.join(' or ');
  const vus = measured && resolved.vus ? ` at ${formatValue(resolved.vus, 'VUs')}` : '';
  return `${figure.scenario}${vus}: \`${metric}\` ${figure.stat}`;
}
