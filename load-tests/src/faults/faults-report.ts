import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FaultOutcome } from './fault-run';
import { steadySeconds } from './recovery';

/** faults.md in the run folder: one row per fault, and how recovery is judged. */
export async function writeFaultsReport(runDir: string, outcomes: FaultOutcome[]): Promise<string> {
  const rows = outcomes.map(({ fault, impact, violations, died }) => {
    const failed = `${impact.failed} of ${impact.requests} (${percent(impact.failed, impact.requests)})`;
    const recovery =
      impact.recoverySeconds === undefined ? 'not within the run' : `${impact.recoverySeconds} s`;
    return `| ${fault.name} | ${fault.description} | ${failed} | ${impact.bookedDuringFault} | ${recovery} | ${violations.length === 0 ? 'held' : violations.join('; ')} | ${died.join(', ') || 'none'} |`;
  });
  const markdown = [
    '# Faults under load',
    '',
    `Each fault on a fresh system under the soak's steady mix (50 fans), injected 30 s in.`,
    `Recovery: from the fault's removal (the component answering again) to the first of`,
    `${steadySeconds} seconds in a row with at most 1 % failed requests and a p95 within twice the`,
    `p95 before the fault. Failed requests are those between the fault and the recovery.`,
    '',
    '| fault | what | failed requests | holds and payments during the fault | recovery | invariants | services down at the end |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  const file = path.join(runDir, 'faults.md');
  await writeFile(file, markdown);
  return file;
}

function percent(part: number, whole: number): string {
  return `${whole === 0 ? 0 : ((100 * part) / whole).toFixed(1)} %`;
}
