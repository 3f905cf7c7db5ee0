import { detectionTargetSeconds } from './detection';
import type { FaultOutcome } from './fault-run';

/** The target: fans back to normal within 2 minutes of the fault's end. */
export const recoveryTargetSeconds = 120;

/** What a drill missed of its targets; none when it passed. */
export function problemsOf(outcome: FaultOutcome): string[] {
  const { fault, detection, impact, violations, died } = outcome;
  const problems: string[] = [];
  if (fault.detectedBy.length > 0 && !detection.first) {
    problems.push(`no ${fault.detectedBy.join(' or ')} arrived`);
  } else if (detection.first && detection.first.seconds > detectionTargetSeconds) {
    problems.push(`detected after ${detection.first.seconds} s`);
  }
  if (impact.recoverySeconds === undefined) problems.push('did not recover within the run');
  else if (impact.recoverySeconds > recoveryTargetSeconds) {
    problems.push(`recovered after ${impact.recoverySeconds} s`);
  }
  if (outcome.mitigation?.error) problems.push(`mitigation failed: ${outcome.mitigation.error}`);
  if (violations.length > 0) problems.push(...violations);
  if (died.length > 0) problems.push(`down at the end: ${died.join(', ')}`);
  return problems;
}
