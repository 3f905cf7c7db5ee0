import path from 'node:path';
import { problemsOf } from './drill-targets';
import { drillObservers } from './drill-observers';
import { writeDrillsReport } from './drills-report';
import { faultsNamed } from './fault-catalogue';
import { runFault, type DrillShape, type FaultOutcome } from './fault-run';

/**
 * Each named drill (all by default) on a fresh system under load, watched by the local stack;
 * exits 1 if any went undetected past the target, did not recover, or broke a booking invariant.
 */
export async function runDrills(
  names: readonly string[],
  runDir: string,
  shape: DrillShape,
  title = 'drills',
): Promise<number> {
  const observers = drillObservers();
  const chosen = faultsNamed(names);
  console.log(`${title}: ${chosen.map((fault) => fault.name).join(', ')} → ${runDir}`);
  const outcomes: FaultOutcome[] = [];
  for (const fault of chosen) {
    console.log(`\n== ${fault.name}: booting a fresh system`);
    const outcome = await runFault(fault, runDir, shape, observers);
    console.log(
      `${problemsOf(outcome).length === 0 ? '✓' : '✗'} ${fault.name}: ${verdict(outcome)}`,
    );
    outcomes.push(outcome);
  }
  const report = await writeDrillsReport(runDir, outcomes, shape);
  const failed = outcomes.filter((outcome) => problemsOf(outcome).length > 0);
  console.log(
    `${title}: ${outcomes.length - failed.length} passed, ${failed.length} failed; report in ${path.relative(process.cwd(), report)}`,
  );
  return failed.length === 0 ? 0 : 1;
}

function verdict(outcome: FaultOutcome): string {
  const { detection, impact } = outcome;
  const detected = detection.first
    ? `${detection.first.alertname} after ${detection.first.seconds} s`
    : 'no alert';
  const recovered =
    impact.recoverySeconds === undefined
      ? 'no recovery'
      : `recovered in ${impact.recoverySeconds} s`;
  const problems = problemsOf(outcome);
  return (
    `${detected}; ${recovered}; ${impact.failed} of ${impact.requests} requests failed; ` +
    `${impact.bookedDuringFault} holds and payments during it` +
    (problems.length > 0 ? `; ${problems.join('; ')}` : '; invariants held')
  );
}
