// Imported first by main.ts: tracing must patch http and express before anything loads them, so
// this file and config.ts import only the platform's config and telemetry subpaths.
import { startTelemetry } from '@headliner/platform/telemetry';
import { readConfigOrExit } from './config';

export const config = readConfigOrExit();

export const telemetry = startTelemetry({
  serviceName: 'gateway',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  sampling: { sampler: config.OTEL_TRACES_SAMPLER, ratio: config.OTEL_TRACES_SAMPLER_ARG },
});
