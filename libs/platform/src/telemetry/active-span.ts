import { isSpanContextValid, trace, type SpanContext } from '@opentelemetry/api';

/** Span context of the span active right now, if tracing is on and one is. */
export function activeSpanContext(): SpanContext | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** Trace id to quote in an error answer, so a user's report leads straight to the trace. */
export function activeTraceId(): string | undefined {
  return activeSpanContext()?.traceId;
}
