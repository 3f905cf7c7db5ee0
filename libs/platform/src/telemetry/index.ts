// Entry point `@headliner/platform/telemetry`: loads no express, so it can start before it.
export { startTelemetry, type Telemetry, type TelemetryOptions } from './telemetry';
export { activeTraceId, activeSpanContext } from './active-span';
