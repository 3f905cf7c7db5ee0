import type { IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import type { Request } from 'express';
import { matchedRoute } from '../http/matched-route';
import { isOperationalPath } from '../http/operational-paths';

export interface TelemetryOptions {
  serviceName: string;
  /** Base URL of an OTLP/HTTP collector, e.g. http://localhost:4318; traces go to /v1/traces. */
  otlpEndpoint?: string;
  /** Receives every span as it ends (tests pass an InMemorySpanExporter). */
  spanExporter?: SpanExporter;
  /** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, as the service's config read them. */
  sampling?: Sampling;
}

export interface Sampling {
  sampler?: string;
  ratio: number;
}

export interface Telemetry {
  /** Flushes pending spans. Run it last when shutting down. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing: server spans for incoming HTTP (continuing a caller's W3C `traceparent`), named
 * after the express route that answered, client spans for outgoing HTTP (which inject it), and
 * client spans for PostgreSQL queries (pg, under Prisma's adapter) and Redis commands (ioredis).
 * Kafka's produce and consume spans are the messaging code's own (outbox-relay, process-message).
 *
 * The instrumentations patch `http`, `pg` and `ioredis` as they are required, so this must run
 * before anything loads them or express (which loads http). Each service has a `src/telemetry.ts` that main.ts imports first:
 *
 *   // src/telemetry.ts: imported first by main.ts, before express is loaded.
 *   import { startTelemetry } from '@headliner/platform/telemetry';
 *   import { config } from './config'; // imports only '@headliner/platform/config'
 *   export const telemetry = startTelemetry({
 *     serviceName: 'wallet',
 *     otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
 *     sampling: { sampler: config.OTEL_TRACES_SAMPLER, ratio: config.OTEL_TRACES_SAMPLER_ARG },
 *   });
 *
 * The root '@headliner/platform' entry loads express, so these two files must use the subpaths.
 *
 * Tracing runs only where spans have somewhere to go (an OTLP endpoint, or a test's exporter).
 * Without one it is off altogether: the instrumentation alone cost about a third of the CPU of a
 * cached seat-map read through the gateway, to produce trace ids nobody could look up. Log lines
 * and problem answers then carry no trace ids, and no traceparent is sent on. With an endpoint,
 * the standard OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG variables choose the sampling; see
 * samplerOf for the default.
 *
 * pg and Redis spans are made only inside a trace (requireParentSpan): the outbox relay's polls,
 * the sweepers and the readiness pings would otherwise each start a trace of their own, many a
 * second, that tell nobody anything and cost CPU on every call.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const destination = spanDestination(options);
  if (!destination) return { shutdown: () => Promise.resolve() };
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    ...destination,
    sampler: samplerOf(options.sampling ?? { ratio: 1 }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => isOperationalPath(request.url),
        applyCustomAttributesOnSpan: nameAfterRoute,
      }),
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      // No express instrumentation: it wraps every middleware layer of every request, which cost
      // more CPU than the rest of a cached read; the route it gave the server span comes from
      // request-metrics' record of the matched route instead (nameAfterRoute).
    ],
    // Metrics are prom-client's /metrics and logs are pino's stdout: nothing to export here.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/**
 * Parent-based: a caller's traceparent decides (a trace is never cut in half), and a trace that
 * starts here is kept with the probability OTEL_TRACES_SAMPLER_ARG, 1 (every booking) unless set,
 * so that after a booking on a local system its trace is in Jaeger. A sale at scale sets a
 * smaller ratio, e.g. 0.05. OTEL_TRACES_SAMPLER, when set, names another sampler the standard way.
 */
export function samplerOf(sampling: Sampling) {
  if (sampling.sampler) return undefined; // the SDK reads it, and its argument, the standard way
  return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampling.ratio) });
}

function spanDestination(options: TelemetryOptions) {
  if (options.spanExporter) {
    return { spanProcessors: [new SimpleSpanProcessor({ exporter: options.spanExporter })] };
  }
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    return { traceExporter: new OTLPTraceExporter({ url }) };
  }
  return undefined;
}

/** `GET /api/v1/concerts/:concertId`, as the express instrumentation named server spans. */
function nameAfterRoute(span: Span, request: unknown): void {
  const route = matchedRoute(request as Request & IncomingMessage);
  if (route === undefined) return;
  span.updateName(`${(request as IncomingMessage).method ?? 'GET'} ${route}`);
  span.setAttribute('http.route', route);
}
