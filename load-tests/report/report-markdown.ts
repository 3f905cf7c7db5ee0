import { BENCH_SETTLE } from '../src/machine-cpu';
import type { ChartFile } from './charts/run-charts';
import { budgetTable, referenceTable } from './comparison-tables';
import { performanceBudget } from './performance-budget';
import { referenceFigures } from './reference-figures';
import type { RunContext } from './run-context';
import type { RunFolder } from './run-folder';
import { scenarioSection } from './scenario-section';
import { knownScenarios } from './scenarios';

// The whole report.md of one run, from what the run folder holds.

const range = (low: number, high: number) => (low === high ? `${low}` : `${low}-${high}`);

/** Whether each scenario started on a quiet machine, for runs that waited for one. */
function settledLine(run: RunFolder): string[] {
  const waited = run.scenarios.filter((s) => s.settled);
  if (waited.length === 0) return [];
  const seconds = waited.map((s) => s.settled?.seconds ?? 0);
  const unsettled = waited.filter((s) => !s.settled?.settled).map((s) => s.name);
  const { idle, quietSeconds, maxSeconds } = BENCH_SETTLE;
  return [
    `- Machine settled before each scenario (cores ≥ ${idle * 100} % idle for ${quietSeconds} s ` +
      `in a row): waited ${range(Math.min(...seconds), Math.max(...seconds))} s` +
      (unsettled.length > 0
        ? `; started unsettled after ${maxSeconds} s: ${unsettled.join(', ')}`
        : '; every scenario settled'),
  ];
}

function header(run: RunFolder, context: RunContext): string {
  const ran = run.scenarios.map((s) => s.name);
  const missing = knownScenarios.map((s) => s.name).filter((name) => !ran.includes(name));
  const date = context.reportedAt
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d+Z$/, ' UTC');
  return [
    `# Bench report: run ${run.id}`,
    '',
    `- Date: ${date}`,
    `- Commit: ${context.commit}`,
    `- Machine: ${context.machine}`,
    `- Scenarios run: ${ran.length > 0 ? ran.join(', ') : 'none'}`,
    `- Not run: ${missing.length > 0 ? missing.join(', ') : 'none'}`,
    ...settledLine(run),
  ].join('\n');
}

function percentileNote(run: RunFolder): string[] {
  const without = run.scenarios.filter(
    (s) => s.summary.metrics.http_req_duration?.values['p(99)'] === undefined,
  );
  if (without.length === 0) return [];
  return [
    `p99 is not in the summary of ${without.map((s) => s.name).join(', ')}: run k6 with ` +
      "`--summary-trend-stats 'avg,min,med,max,p(90),p(95),p(99)'`.",
  ];
}

export function reportMarkdown(run: RunFolder, context: RunContext, charts: ChartFile[]): string {
  const sections = [
    header(run, context),
    '## Our figures beside the reference figures',
    referenceTable(run, referenceFigures),
    '## Performance budget',
    budgetTable(run, performanceBudget),
    ...(charts.length > 0 ? ['## Charts', ...charts.map((c) => `![${c.title}](${c.file})`)] : []),
    ...percentileNote(run),
    ...run.scenarios.map(scenarioSection),
  ];
  return `${sections.join('\n\n')}\n`;
}
