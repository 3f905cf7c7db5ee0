import { hostname } from 'node:os';
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { activeSpanContext } from '../telemetry/active-span';
import { serializeError } from './error-serializer';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level?: string;
  /** `pretty` is for a developer's terminal (`npm start`); everything else reads JSON. */
  format?: 'json' | 'pretty';
  /** Where lines go; stdout unless a test captures them. */
  destination?: DestinationStream;
}

/** JSON lines on stdout, each carrying the service and the trace and span it was written in. */
export function createLogger(options: LoggerOptions): Logger {
  const { service, level = 'info', format = 'json' } = options;
  const destination =
    options.destination ??
    (format === 'pretty'
      ? pretty({ sync: true, ignore: 'pid,hostname,service', messageFormat: '{service}: {msg}' })
      : undefined);
  return pino(
    {
      level,
      base: { service, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: format === 'json' ? { level: (label) => ({ level: label }) } : {},
      mixin: traceFields,
      serializers: { err: serializeError },
    },
    destination,
  );
}

function traceFields(): Record<string, string> {
  const spanContext = activeSpanContext();
  return spanContext ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}
