import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { markdownTable } from '../../report/markdown-table';
import { detectionTargetSeconds } from './detection';
import { problemsOf, recoveryTargetSeconds } from './drill-targets';
import type { DrillShape, FaultOutcome } from './fault-run';
import type { MitigationRecord } from './mitigate-on-alert';
import { steadySeconds } from './recovery';

/** drills.md in the run folder: the table of every drill, then each drill's timeline. */
export async function writeDrillsReport(
  runDir: string,
  outcomes: FaultOutcome[],
  shape: DrillShape,
): Promise<string> {
  const markdown = [
    '# Game-day drills',
    '',
    `Each drill on a fresh system under its k6 shape (the soak's steady mix of ${shape.fans} fans`,
    `unless said), scraped by the local Prometheus and its rules, paging through Alertmanager to the`,
    `local alert receiver. The fault is injected ${shape.leadSeconds} s in and the load goes on`,
    `${shape.tailSeconds} s after its removal. Detection: the first of the drill's alerts at the`,
    `receiver, from the injection (target ${detectionTargetSeconds} s). Recovery: from the removal`,
    `(what was taken away is back) to the first of ${steadySeconds} seconds in a row with at most`,
    `1 % failed requests and a p95 within twice the p95 before the fault (target`,
    `${recoveryTargetSeconds} s). Failed requests and p95 by step: from the injection to the recovery.`,
    '',
    markdownTable(
      [
        'drill',
        'detected by',
        'failed requests',
        'holds and payments during the fault',
        'recovery',
        'invariants',
        'result',
      ],
      outcomes.map((outcome) => summaryRow(outcome)),
    ),
    '',
    ...outcomes.flatMap((outcome) => drillSection(outcome)),
  ].join('\n');
  const file = path.join(runDir, 'drills.md');
  await writeFile(file, markdown);
  return file;
}

function summaryRow(outcome: FaultOutcome): string[] {
  const { fault, detection, impact, violations } = outcome;
  const problems = problemsOf(outcome);
  return [
    fault.name,
    detection.first
      ? `${detection.first.alertname} in ${detection.first.seconds} s`
      : fault.detectedBy.length === 0
        ? 'not expected to alert'
        : 'not detected',
    `${impact.failed} of ${impact.requests} (${percent(impact.failed, impact.requests)})`,
    String(impact.bookedDuringFault),
    impact.recoverySeconds === undefined ? 'not within the run' : `${impact.recoverySeconds} s`,
    violations.length === 0 ? 'held' : violations.join('; '),
    problems.length === 0 ? 'passed' : `failed: ${problems.join('; ')}`,
  ];
}

function drillSection(outcome: FaultOutcome): string[] {
  const { fault, window, detection, mitigation, steps } = outcome;
  const after = (at: number) => `+${((at - window.injectedAt) / 1000).toFixed(1)} s`;
  return [
    `## ${fault.name}`,
    '',
    `Fault: ${fault.description}. Expected alerts: ${fault.detectedBy.join(', ') || 'none'}.`,
    '',
    `![${fault.name} timeline](${fault.name}.timeline.svg)`,
    '',
    ...(mitigation ? [mitigationLine(mitigation, after), ''] : []),
    'What the receiver got, from the injection:',
    '',
    ...(detection.arrivals.length === 0
      ? ['- nothing']
      : detection.arrivals.map(
          (arrival) =>
            `- ${after(arrival.at)} ${arrival.status} ${arrival.alertname} (${arrival.severity})` +
            (arrival.service ? ` service=${arrival.service}` : ''),
        )),
    '',
    markdownTable(
      ['step', 'requests', 'failed', 'p95'],
      steps.map((step) => [
        step.step,
        String(step.requests),
        `${step.failedPercent.toFixed(1)} %`,
        `${step.p95Ms.toFixed(0)} ms`,
      ]),
    ),
    '',
  ];
}

function mitigationLine(mitigation: MitigationRecord, after: (at: number) => string): string {
  const done =
    mitigation.appliedAt === undefined
      ? 'not applied (no alert while the fault lasted)'
      : `applied ${after(mitigation.appliedAt)}` +
        (mitigation.undoneAt === undefined ? '' : `, taken back ${after(mitigation.undoneAt)}`);
  return `Mitigation: ${mitigation.description}; ${done}${mitigation.error ? `; failed: ${mitigation.error}` : ''}.`;
}

function percent(part: number, whole: number): string {
  return `${whole === 0 ? 0 : ((100 * part) / whole).toFixed(1)} %`;
}
