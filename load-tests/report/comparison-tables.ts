import { describeBusy } from '../src/machine-cpu';
import { markdownTable } from './markdown-table';
import { describeSource, resolveFigure } from './our-figure';
import type { BudgetLine } from './performance-budget';
import { referenceSources, type ReferenceFigure } from './reference-figures';
import type { RunFolder } from './run-folder';
import { formatValue } from './units';
import { budgetVerdict, referenceVerdict } from './verdict';

// The two tables people read first: our figures beside the reference figures, and the budget.

const oursText = (resolved: ReturnType<typeof resolveFigure>, unit: BudgetLine['ours']['unit']) =>
  resolved.status === 'measured' ? formatValue(resolved.value, unit) : '—';

export function referenceTable(run: RunFolder, figures: ReferenceFigure[]): string {
  const notes: string[] = [];
  const rows = figures.map((figure) => {
    const resolved = resolveFigure(run, figure.ours);
    let what = figure.what;
    if (figure.note) {
      const index = notes.indexOf(figure.note);
      what += ` (note ${index === -1 ? notes.push(figure.note) : index + 1})`;
    }
    const bound = figure.isTarget ? (figure.better === 'lower' ? '< ' : '≥ ') : '';
    return [
      figure.scenario,
      what,
      `${bound}${formatValue(figure.value, figure.unit)}`,
      oursText(resolved, figure.ours.unit),
      describeSource(figure.ours, resolved),
      referenceVerdict(figure, resolved).text,
      figure.source,
    ];
  });
  const usedSources = [...new Set(figures.map((figure) => figure.source))].sort();
  return [
    markdownTable(
      ['reference scenario', 'figure', 'theirs', 'ours', 'ours measured by', 'verdict', 'source'],
      rows,
      [2, 3],
    ),
    '',
    ...notes.map((note, i) => `Note ${i + 1}: ${note}  `),
    ...(notes.length > 0 ? [''] : []),
    'Sources (each figure with the line it was read from: `load-tests/report/reference-figures.json`):',
    '',
    ...usedSources.map((id) => {
      const { file, title, about } = referenceSources[id]!;
      return `- ${id}: ${file} «${title}» — ${about}`;
    }),
  ].join('\n');
}

/** A missed latency budget, with how busy the machine was while it was measured. */
function missedOnABusyMachine(run: RunFolder, line: BudgetLine): string[] {
  if (line.ours.unit !== 'ms') return [];
  const busy = run.scenarios.find((s) => s.name === line.ours.scenario)?.machineBusy;
  const verdict = budgetVerdict(line, resolveFigure(run, line.ours));
  if (!busy?.length || verdict.outcome !== 'missed') return [];
  return [`- ${line.what}: missed while ${describeBusy(busy)}.`];
}

export function budgetTable(run: RunFolder, budget: BudgetLine[]): string {
  const rows = budget.map((line) => {
    const resolved = resolveFigure(run, line.ours);
    const comparator = line.comparator === '>=' ? '≥' : line.comparator === '<=' ? '≤' : '<';
    return [
      line.what,
      `${comparator} ${formatValue(line.limit, line.ours.unit)}`,
      oursText(resolved, line.ours.unit),
      describeSource(line.ours, resolved),
      budgetVerdict(line, resolved).text,
    ];
  });
  const notes = budget.flatMap((line) => [
    ...(line.note ? [`- ${line.what}: ${line.note}`] : []),
    ...missedOnABusyMachine(run, line),
  ]);
  return [
    markdownTable(['budget', 'limit', 'ours', 'ours measured by', 'verdict'], rows, [1, 2]),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
