import { percentile, type Request } from './request-timeline';

/** What fans saw of one step of the journey (token, seat map, hold, pay…) in a window. */
export interface StepImpact {
  step: string;
  requests: number;
  failedPercent: number;
  p95Ms: number;
}

/** Per step, the requests that ended in [from, to), busiest step first. */
export function stepsDuring(requests: Request[], from: number, to: number): StepImpact[] {
  const byStep = new Map<string, Request[]>();
  for (const request of requests) {
    if (request.at < from || request.at >= to) continue;
    const ofStep = byStep.get(request.step) ?? [];
    ofStep.push(request);
    byStep.set(request.step, ofStep);
  }
  return [...byStep]
    .map(([step, ofStep]) => ({
      step,
      requests: ofStep.length,
      failedPercent: (100 * ofStep.filter((r) => r.failed).length) / ofStep.length,
      p95Ms: percentile(
        ofStep.map((r) => r.durationMs),
        0.95,
      ),
    }))
    .sort((a, b) => b.requests - a.requests);
}
