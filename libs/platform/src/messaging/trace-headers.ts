import {
  ROOT_CONTEXT,
  SpanKind,
  context,
  propagation,
  trace,
  type Context,
} from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';

export type TraceHeaders = Record<string, string>;

/** W3C trace context of the active span, to travel with a message. */
export function captureTraceHeaders(): TraceHeaders {
  const headers: TraceHeaders = {};
  propagation.inject(context.active(), headers);
  return headers;
}

export function traceContextFromHeaders(headers: IHeaders | undefined): Context {
  const carrier: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) carrier[name] = value.toString();
  }
  return propagation.extract(context.active(), carrier);
}

export const messagingTracer = trace.getTracer('@headliner/platform/messaging');

/**
 * A producer span for one message, a child of the trace context stored with it (the span that
 * wrote its outbox row, not whatever the relay runs in), and the headers to send: the same, with
 * the trace context now naming this span, so the consumer's span becomes its child. With tracing
 * off both the span and the injection are no-ops and the stored headers go out unchanged.
 */
export function startPublishSpan(topic: string, headers: TraceHeaders) {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = messagingTracer.startSpan(
    `${topic} publish`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': topic,
      },
    },
    parent,
  );
  const sent: TraceHeaders = { ...headers };
  propagation.inject(trace.setSpan(parent, span), sent);
  return { span, headers: sent };
}
