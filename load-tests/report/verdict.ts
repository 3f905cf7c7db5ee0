import type { ResolvedFigure } from './our-figure';
import type { BudgetLine } from './performance-budget';
import type { ReferenceFigure } from './reference-figures';

// Whether our figure beats a reference figure, or meets a target or a budget line.

export type Outcome = 'beaten' | 'not beaten' | 'met' | 'missed' | 'not run' | 'not recorded';

export interface Verdict {
  outcome: Outcome;
  /** e.g. "beaten (12× lower)". */
  text: string;
}

/** Ours against theirs, e.g. " (12× lower)"; nothing when a side is zero or they are equal. */
function ratioText(ours: number, reference: number): string {
  const [big, small] = ours > reference ? [ours, reference] : [reference, ours];
  if (small <= 0 || big === small) return '';
  const ratio = big / small;
  return ` (${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}× ${ours < reference ? 'lower' : 'higher'})`;
}

export function referenceVerdict(figure: ReferenceFigure, resolved: ResolvedFigure): Verdict {
  if (resolved.status !== 'measured') return { outcome: resolved.status, text: resolved.status };
  const { value } = resolved;
  if (figure.isTarget) {
    const met = figure.better === 'lower' ? value < figure.value : value >= figure.value;
    return { outcome: met ? 'met' : 'missed', text: met ? 'met' : '**missed**' };
  }
  const beaten = figure.better === 'lower' ? value < figure.value : value > figure.value;
  const ratio = ratioText(value, figure.value);
  return beaten
    ? { outcome: 'beaten', text: `beaten${ratio}` }
    : { outcome: 'not beaten', text: `**not beaten**${ratio}` };
}

export function budgetVerdict(line: BudgetLine, resolved: ResolvedFigure): Verdict {
  if (resolved.status !== 'measured') return { outcome: resolved.status, text: resolved.status };
  const { value } = resolved;
  const met =
    line.comparator === '<'
      ? value < line.limit
      : line.comparator === '<='
        ? value <= line.limit
        : value >= line.limit;
  return met ? { outcome: 'met', text: 'met' } : { outcome: 'missed', text: '**missed**' };
}
