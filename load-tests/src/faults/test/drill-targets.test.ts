import { problemsOf } from '../drill-targets';
import type { FaultOutcome } from '../fault-run';

const outcome = (changes: Partial<FaultOutcome>): FaultOutcome => ({
  fault: {
    name: 'wallet-crash',
    description: 'the wallet SIGKILLed',
    lastsSeconds: 5,
    detectedBy: ['HeadlinerServiceRestarted'],
    inject: async () => undefined,
    remove: async () => undefined,
  },
  window: { injectedAt: 0, removedAt: 5000 },
  detection: {
    first: { alertname: 'HeadlinerServiceRestarted', severity: 'ticket', seconds: 25 },
    arrivals: [],
  },
  impact: {
    baseline: { p95Ms: 50, failedPercent: 0 },
    requests: 300,
    failed: 2,
    bookedDuringFault: 10,
    recoverySeconds: 3,
  },
  steps: [],
  violations: [],
  died: [],
  k6ExitCode: 0,
  ...changes,
});

describe("a drill's targets", () => {
  it('are met when detected within a minute, recovered within two, invariants held', () => {
    expect(problemsOf(outcome({}))).toEqual([]);
  });

  it('are missed when none of its alerts arrived', () => {
    expect(problemsOf(outcome({ detection: { arrivals: [] } }))).toEqual([
      'no HeadlinerServiceRestarted arrived',
    ]);
  });

  it('are missed when the alert came after a minute', () => {
    const late = { alertname: 'HeadlinerServiceRestarted', severity: 'ticket', seconds: 61 };
    expect(problemsOf(outcome({ detection: { first: late, arrivals: [] } }))).toEqual([
      'detected after 61 s',
    ]);
  });

  it('are missed by a recovery past two minutes, or none, and by a broken invariant', () => {
    const slow = outcome({ impact: { ...outcome({}).impact, recoverySeconds: 121 } });
    expect(problemsOf(slow)).toEqual(['recovered after 121 s']);
    const never = outcome({ impact: { ...outcome({}).impact, recoverySeconds: undefined } });
    expect(problemsOf(never)).toEqual(['did not recover within the run']);
    expect(problemsOf(outcome({ violations: ['seat 7 sold twice'] }))).toEqual([
      'seat 7 sold twice',
    ]);
  });

  it('do not ask a fault that is not expected to alert for an alert', () => {
    const quiet = outcome({
      fault: { ...outcome({}).fault, detectedBy: [] },
      detection: { arrivals: [] },
    });
    expect(problemsOf(quiet)).toEqual([]);
  });
});
