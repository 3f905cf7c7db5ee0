import { context, propagation, type Context } from '@opentelemetry/api';
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
