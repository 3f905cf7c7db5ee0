// Imported first by main.ts: the instrumentations must patch http and express before they load.
import { startTelemetry } from '@headliner/platform/telemetry';
import { config } from './config';

export const telemetry = startTelemetry({
  serviceName: 'reservation',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  sampling: { sampler: config.OTEL_TRACES_SAMPLER, ratio: config.OTEL_TRACES_SAMPLER_ARG },
});
