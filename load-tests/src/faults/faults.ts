import path from 'node:path';
import { faultsNamed } from './fault-catalogue';
import { runFault, type FaultOutcome } from './fault-run';
import { writeFaultsReport } from './faults-report';

/** Each named fault (all by default) under load on a fresh system; exits 1 if any lost a booking invariant or did not recover. */
export async function runFaults(names: readonly string[], runDir: string): Promise<number> {
  const chosen = faultsNamed(names);
  console.log(`faults: ${chosen.map((fault) => fault.name).join(', ')} → ${runDir}`);
  const outcomes: FaultOutcome[] = [];
  for (const fault of chosen) {
    console.log(`\n== ${fault.name}: booting a fresh system`);
    const outcome = await runFault(fault, runDir);
    const { impact } = outcome;
    const recovered =
      impact.recoverySeconds === undefined
        ? 'did not recover'
        : `recovered in ${impact.recoverySeconds} s`;
    console.log(
      `${ok(outcome) ? '✓' : '✗'} ${fault.name}: ${recovered}; ${impact.failed} of ${impact.requests} requests failed; ` +
        `${impact.bookedDuringFault} holds and payments during it; invariants ${outcome.violations.length === 0 ? 'held' : outcome.violations.join('; ')}` +
        (outcome.died.length > 0 ? `; down at the end: ${outcome.died.join(', ')}` : ''),
    );
    outcomes.push(outcome);
  }
  console.log(
    `\nreport: ${path.relative(process.cwd(), await writeFaultsReport(runDir, outcomes))}`,
  );
  const failed = outcomes.filter((outcome) => !ok(outcome));
  console.log(`faults: ${outcomes.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

function ok({ impact, violations, died }: FaultOutcome): boolean {
  return impact.recoverySeconds !== undefined && violations.length === 0 && died.length === 0;
}
