import type { JaegerSpan, JaegerTrace } from './jaeger-api';
import { isError, kindOf, messagingHopOf, type MessagingHop, type SpanKind } from './span-facts';

// A trace as the rows of a waterfall: every span once, under its parent, siblings in start order,
// with its offset from the trace's first span. Times are microseconds.

export interface WaterfallRow {
  spanId: string;
  /** The row this one hangs under; undefined for a root. */
  parentSpanId?: string;
  name: string;
  service: string;
  kind: SpanKind;
  depth: number;
  /** Per ancestor level below the root: whether a later sibling of that ancestor follows. */
  openLevels: boolean[];
  /** The last of its siblings. */
  last: boolean;
  startOffsetUs: number;
  durationUs: number;
  error: boolean;
  /** Set on a span that produces to Kafka (→) or consumes from it (←). */
  hop?: MessagingHop;
  /** Its parent is a FOLLOWS_FROM reference (e.g. a consumer linked to its producer). */
  followsFrom: boolean;
}

export interface Waterfall {
  traceId: string;
  startUs: number;
  durationUs: number;
  services: string[];
  rows: WaterfallRow[];
}

/** The parent within this trace: a CHILD_OF reference first, else a FOLLOWS_FROM one. */
function parentOf(span: JaegerSpan, known: Map<string, JaegerSpan>) {
  const references = (span.references ?? []).filter((r) => known.has(r.spanID));
  return references.find((r) => r.refType === 'CHILD_OF') ?? references[0];
}

const byStart = (a: JaegerSpan, b: JaegerSpan) =>
  a.startTime - b.startTime || a.operationName.localeCompare(b.operationName);

export function toWaterfall(trace: JaegerTrace): Waterfall {
  const spans = [...trace.spans].sort(byStart);
  const known = new Map(spans.map((span) => [span.spanID, span]));
  const children = new Map<string, JaegerSpan[]>();
  const roots: JaegerSpan[] = [];
  const followsFrom = new Set<string>();
  for (const span of spans) {
    const parent = parentOf(span, known);
    if (!parent || parent.spanID === span.spanID) {
      roots.push(span);
      continue;
    }
    if (parent.refType === 'FOLLOWS_FROM') followsFrom.add(span.spanID);
    children.set(parent.spanID, [...(children.get(parent.spanID) ?? []), span]);
  }

  const startUs = Math.min(...spans.map((s) => s.startTime));
  const endUs = Math.max(...spans.map((s) => s.startTime + s.duration));
  const serviceOf = (span: JaegerSpan) => trace.processes[span.processID]?.serviceName ?? '?';
  const rows: WaterfallRow[] = [];
  const placed = new Set<string>();

  const visit = (
    span: JaegerSpan,
    parentSpanId: string | undefined,
    depth: number,
    openLevels: boolean[],
    last: boolean,
  ) => {
    if (placed.has(span.spanID)) return; // a reference cycle: draw each span once
    placed.add(span.spanID);
    rows.push({
      spanId: span.spanID,
      parentSpanId,
      name: span.operationName,
      service: serviceOf(span),
      kind: kindOf(span),
      depth,
      openLevels,
      last,
      startOffsetUs: span.startTime - startUs,
      durationUs: span.duration,
      error: isError(span),
      hop: messagingHopOf(span),
      followsFrom: followsFrom.has(span.spanID),
    });
    const below = children.get(span.spanID) ?? [];
    const childLevels = depth === 0 ? [] : [...openLevels, !last];
    below.forEach((child, i) =>
      visit(child, span.spanID, depth + 1, childLevels, i === below.length - 1),
    );
  };
  roots.forEach((root, i) => visit(root, undefined, 0, [], i === roots.length - 1));
  // Spans in a reference cycle reach no root: each such cycle is drawn from its earliest span.
  for (const span of spans) visit(span, undefined, 0, [], true);

  return {
    traceId: trace.traceID,
    startUs: spans.length > 0 ? startUs : 0,
    durationUs: spans.length > 0 ? endUs - startUs : 0,
    services: [...new Set(rows.map((row) => row.service))],
    rows,
  };
}
