// Imported first by main.ts: tracing must patch http and express before anything loads them.
import { startTelemetry } from '@headliner/platform/telemetry';
import { config } from './config';

export const telemetry = startTelemetry({
  serviceName: 'concert',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  sampling: { sampler: config.OTEL_TRACES_SAMPLER, ratio: config.OTEL_TRACES_SAMPLER_ARG },
});
