// Imported first by main.ts, before anything loads express or http.
import { startTelemetry } from '@headliner/platform/telemetry';
import { config } from './config';

export const telemetry = startTelemetry({
  serviceName: 'queue',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  sampling: { sampler: config.OTEL_TRACES_SAMPLER, ratio: config.OTEL_TRACES_SAMPLER_ARG },
});
