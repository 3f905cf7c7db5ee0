import type { JaegerSpan, JaegerTrace } from './jaeger-api';
import { kindOf } from './span-facts';

// A Jaeger trace as Zipkin v2 spans, and sending it to a Zipkin server (`npm run zipkin -- up`),
// whose Lens UI then shows it: Jaeger v1.75 has no Zipkin exporter and Zipkin takes no OTLP, so
// a trace gets there through this copy.

export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name: string;
  kind?: 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  timestamp: number;
  duration: number;
  localEndpoint: { serviceName: string };
  tags: Record<string, string>;
}

/** Zipkin takes ids of 16 or 32 lower-case hexadecimal digits. */
const hexId = (id: string, length: 16 | 32) => id.toLowerCase().padStart(length, '0');

function parentIdOf(span: JaegerSpan, known: Set<string>): string | undefined {
  const references = (span.references ?? []).filter((r) => known.has(r.spanID));
  const parent = references.find((r) => r.refType === 'CHILD_OF') ?? references[0];
  return parent ? hexId(parent.spanID, 16) : undefined;
}

export function toZipkinSpans(trace: JaegerTrace): ZipkinSpan[] {
  const known = new Set(trace.spans.map((span) => span.spanID));
  const traceId = hexId(trace.traceID, trace.traceID.length > 16 ? 32 : 16);
  return trace.spans.map((span) => {
    const kind = kindOf(span);
    const parentId = parentIdOf(span, known);
    return {
      traceId,
      id: hexId(span.spanID, 16),
      ...(parentId && { parentId }),
      name: span.operationName,
      ...(kind !== 'internal' && { kind: kind.toUpperCase() as ZipkinSpan['kind'] }),
      timestamp: span.startTime,
      // Zipkin reads a duration of 0 as "unknown": the shortest it can show is 1 µs.
      duration: Math.max(1, span.duration),
      localEndpoint: { serviceName: trace.processes[span.processID]?.serviceName ?? 'unknown' },
      tags: Object.fromEntries(
        (span.tags ?? [])
          .filter((tag) => tag.key !== 'span.kind')
          .map((tag) => [tag.key, String(tag.value)]),
      ),
    };
  });
}

/** Sends the trace to Zipkin; returns the address of its page in Zipkin's UI. */
export async function sendToZipkin(zipkinUrl: string, trace: JaegerTrace): Promise<string> {
  const spans = toZipkinSpans(trace);
  const response = await fetch(new URL('/api/v2/spans', zipkinUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spans),
  });
  if (!response.ok) {
    throw new Error(`Zipkin at ${zipkinUrl}: HTTP ${response.status} ${await response.text()}`);
  }
  return new URL(`/zipkin/traces/${spans[0]?.traceId ?? ''}`, zipkinUrl).toString();
}
