import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  NoopSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { isOperationalPath } from '../http/operational-paths';

export interface TelemetryOptions {
  serviceName: string;
  /** Base URL of an OTLP/HTTP collector, e.g. http://localhost:4318; traces go to /v1/traces. */
  otlpEndpoint?: string;
  /** Receives every span as it ends (tests pass an InMemorySpanExporter). */
  spanExporter?: SpanExporter;
}

export interface Telemetry {
  /** Flushes pending spans. Run it last when shutting down. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing: server spans for incoming HTTP (continuing a caller's W3C `traceparent`), client
 * spans for outgoing HTTP (which inject it), and express route spans.
 *
 * The instrumentations patch `http` and `express` as they are required, so this must run before
 * anything loads express. Each service has a `src/telemetry.ts` that main.ts imports first:
 *
 *   // src/telemetry.ts: imported first by main.ts, before express is loaded.
 *   import { startTelemetry } from '@headliner/platform/telemetry';
 *   import { config } from './config'; // imports only '@headliner/platform/config'
 *   export const telemetry = startTelemetry({
 *     serviceName: 'wallet',
 *     otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
 *   });
 *
 * The root '@headliner/platform' entry loads express, so these two files must use the subpaths.
 *
 * Without an endpoint or exporter, spans are still created and dropped, so trace ids still reach
 * logs and problem answers and still propagate to other services.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    ...spanDestination(options),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => isOperationalPath(request.url),
      }),
      // A span per route handler; one per middleware (logging, body parser, …) is noise.
      new ExpressInstrumentation({
        ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER],
      }),
    ],
    // Metrics are prom-client's /metrics and logs are pino's stdout: nothing to export here.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

function spanDestination(options: TelemetryOptions) {
  if (options.spanExporter) {
    return { spanProcessors: [new SimpleSpanProcessor({ exporter: options.spanExporter })] };
  }
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    return { traceExporter: new OTLPTraceExporter({ url }) };
  }
  return { spanProcessors: [new NoopSpanProcessor()] };
}
