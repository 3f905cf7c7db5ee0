/** One trace as Jaeger's HTTP API (`/api/traces/<id>`) answers it. */
export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: { refType: 'CHILD_OF' | 'FOLLOWS_FROM'; traceID: string; spanID: string }[];
  tags: { key: string; value: unknown }[];
  processID: string;
}

/** The trace, or undefined while Jaeger has none of its spans yet. */
export async function fetchTrace(jaegerUrl: string, traceId: string) {
  const response = await fetch(`${jaegerUrl}/api/traces/${traceId}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`jaeger: ${response.status} ${await response.text()}`);
  const { data } = (await response.json()) as { data: JaegerTrace[] | null };
  return data?.[0];
}

export function serviceOf(trace: JaegerTrace, span: JaegerSpan): string | undefined {
  return trace.processes[span.processID]?.serviceName;
}

export function tagOf(span: JaegerSpan, key: string): unknown {
  return span.tags.find((tag) => tag.key === key)?.value;
}

export function parentIdOf(span: JaegerSpan): string | undefined {
  return span.references.find((reference) => reference.refType === 'CHILD_OF')?.spanID;
}

/** The span's parent, its parent's parent and so on, as far as the trace holds them. */
export function ancestorsOf(trace: JaegerTrace, span: JaegerSpan): JaegerSpan[] {
  const byId = new Map(trace.spans.map((candidate) => [candidate.spanID, candidate]));
  const ancestors: JaegerSpan[] = [];
  for (let parent = byId.get(parentIdOf(span) ?? ''); parent;) {
    ancestors.push(parent);
    parent = byId.get(parentIdOf(parent) ?? '');
  }
  return ancestors;
}
