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

export interface MessagingHop {
  /** e.g. kafka */
  system: string;
  /** → produced, ← consumed */
  arrow: '→' | '←';
  /** The topic, when the span names it. */
  destination?: string;
}

/** The hop a producer or consumer span makes through a messaging system; undefined for others. */
export function messagingHopOf(span: JaegerSpan): MessagingHop | undefined {
  const kind = kindOf(span);
  if (kind !== 'producer' && kind !== 'consumer') return undefined;
  const destination =
    tagOf(span, 'messaging.destination.name') ?? tagOf(span, 'messaging.destination');
  return {
    // The platform's own consumer spans name only the topic: every topic here is Kafka's.
    system: String(tagOf(span, 'messaging.system') ?? 'kafka'),
    arrow: kind === 'producer' ? '→' : '←',
    ...(destination !== undefined && { destination: String(destination) }),
  };
}

/** "kafka → <topic>" */
export function hopLabel(hop: MessagingHop): string {
  return [hop.system, hop.arrow, hop.destination].filter(Boolean).join(' ');
}
