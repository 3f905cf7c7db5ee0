import type { JaegerTrace } from './jaeger-api';
import { searchTraces, type TraceSearch } from './jaeger-client';

// The slowest of the traces a search finds, judged by the longest span of the searched service
// (and operation), e.g. the gateway's answer to a booking request: what the fan waited for.

export function searchedSpanDurationUs(trace: JaegerTrace, search: TraceSearch): number {
  const durations = trace.spans
    .filter((span) => trace.processes[span.processID]?.serviceName === search.service)
    .filter((span) => !search.operation || span.operationName === search.operation)
    .map((span) => span.duration);
  return Math.max(0, ...durations);
}

export function slowestOf(traces: JaegerTrace[], search: TraceSearch): JaegerTrace | undefined {
  let slowest: JaegerTrace | undefined;
  for (const trace of traces) {
    if (
      !slowest ||
      searchedSpanDurationUs(trace, search) > searchedSpanDurationUs(slowest, search)
    ) {
      slowest = trace;
    }
  }
  return slowest;
}

// Jaeger returns at most `limit` of the traces a search matches, in no order of duration: the
// slowest is looked for among the traces above a threshold, lowered until some match.
const thresholds = ['5s', '2s', '1s', '500ms', '250ms', '100ms', '50ms', '20ms', undefined];

/**
 * The slowest trace of a search. Without a minDuration, it searches from 5 s down until a
 * threshold matches some traces: while fewer than `limit` traces pass that threshold, the one
 * found is the slowest of the window.
 */
export async function findSlowestTrace(
  jaegerUrl: string,
  search: TraceSearch,
): Promise<JaegerTrace | undefined> {
  const ladder = search.minDuration === undefined ? thresholds : [search.minDuration];
  for (const minDuration of ladder) {
    const traces = await searchTraces(jaegerUrl, { ...search, minDuration });
    if (traces.length > 0) return slowestOf(traces, search);
  }
  return undefined;
}
