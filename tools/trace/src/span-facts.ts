import type { JaegerSpan } from './jaeger-api';

// What a span's tags say, in OpenTelemetry's semantic conventions as Jaeger stores them.

export type SpanKind = 'server' | 'client' | 'producer' | 'consumer' | 'internal';

const kinds: readonly SpanKind[] = ['server', 'client', 'producer', 'consumer', 'internal'];

export function tagOf(span: JaegerSpan, key: string): unknown {
  return span.tags?.find((tag) => tag.key === key)?.value;
}

export function kindOf(span: JaegerSpan): SpanKind {
  const kind = tagOf(span, 'span.kind');
  return kinds.find((k) => k === kind) ?? 'internal';
}

/** Jaeger marks a span whose OpenTelemetry status is ERROR with the tag error=true. */
export function isError(span: JaegerSpan): boolean {
  const error = tagOf(span, 'error');
  return error === true || error === 'true' || tagOf(span, 'otel.status_code') === 'ERROR';
}

/**
 * "kafka → <topic>" on a span that produces to a messaging system, "kafka ← <topic>" on one that
 * consumes; undefined for any other span.
 */
export function messagingHopOf(span: JaegerSpan): string | undefined {
  const kind = kindOf(span);
  if (kind !== 'producer' && kind !== 'consumer') return undefined;
  // The platform's own consumer spans name only the topic: every topic here is Kafka's.
  const system = String(tagOf(span, 'messaging.system') ?? 'kafka');
  const destination =
    tagOf(span, 'messaging.destination.name') ?? tagOf(span, 'messaging.destination');
  const arrow = kind === 'producer' ? '→' : '←';
  return destination === undefined ? `${system} ${arrow}` : `${system} ${arrow} ${destination}`;
}
