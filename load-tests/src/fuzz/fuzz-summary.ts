import { markdownTable } from '../../report/markdown-table';
import type { FuzzFigures } from './fuzz-events';

// The short Markdown summary of a fuzz run, written beside schemathesis's own reports.

export interface FuzzVerdict {
  figures: FuzzFigures;
  invariantViolations: string[];
  /** Whether answers the document does not allow fail the run (unless FUZZ_STRICT=0). */
  strict: boolean;
}

/** Every failed check but not_a_server_error: an answer the document does not allow. */
export function contractViolations(figures: FuzzFigures): number {
  return Object.entries(figures.failedChecks)
    .filter(([check]) => check !== 'not_a_server_error')
    .reduce((sum, [, perOperation]) => sum + total(perOperation), 0);
}

export function serverErrors(figures: FuzzFigures): number {
  return total(figures.serverErrors);
}

export function passed({ figures, invariantViolations, strict }: FuzzVerdict): boolean {
  return (
    serverErrors(figures) === 0 &&
    invariantViolations.length === 0 &&
    (!strict || contractViolations(figures) === 0)
  );
}

export function fuzzSummary(verdict: FuzzVerdict): string {
  const { figures, invariantViolations, strict } = verdict;
  const checkRows = Object.entries(figures.failedChecks).flatMap(([check, perOperation]) =>
    Object.entries(perOperation).map(([operation, cases]) => [
      check,
      operation,
      String(cases),
      figures.examples[`${check} ${operation}`] ?? '',
    ]),
  );
  return [
    `# Fuzz run: ${passed(verdict) ? 'passed' : 'FAILED'}`,
    '',
    `\`${figures.command}\` (seed ${figures.seed}), ${figures.seconds.toFixed(0)} s, ` +
      `stopped by ${figures.stopReason}.`,
    '',
    `- requests: ${figures.requests} (${figures.cases} generated cases)`,
    `- answers >= 500: ${serverErrors(figures)}`,
    `- contract violations (failed checks other than not_a_server_error): ` +
      `${contractViolations(figures)}${strict ? '' : ' (not failing the run: FUZZ_STRICT=0)'}`,
    `- booking invariants: ${invariantViolations.length === 0 ? 'intact' : invariantViolations.join('; ')}`,
    '',
    '## Answers by status',
    '',
    markdownTable(
      ['status', 'answers'],
      Object.entries(figures.statuses).map(([status, count]) => [status, String(count)]),
      [1],
    ),
    '',
    '## Failed checks by operation',
    '',
    checkRows.length === 0
      ? 'None.'
      : markdownTable(['check', 'operation', 'cases', 'first failure'], checkRows, [2]),
    '',
  ].join('\n');
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
