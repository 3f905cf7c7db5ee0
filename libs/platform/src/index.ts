// The root entry loads express. A service's config.ts and telemetry.ts import from
// '@headliner/platform/config' and '@headliner/platform/telemetry' instead, because telemetry
// must start before express is loaded (see telemetry/telemetry.ts).
export * from './config';
export * from './telemetry';
export { createLogger, type Logger, type LoggerOptions } from './logging/logger';
export { createHttpApp, type HttpAppOptions } from './http/create-http-app';
export { exactRoutes, type ExactRoutes, type RouteMethod } from './http/exact-routes';
export type { RequestSeries } from './http/request-metrics';
export { createManagementApp, type ManagementAppOptions } from './http/create-management-app';
export type { ProbeOptions } from './http/health-routes';
export type { DeclaredOperation } from './http/method-not-allowed';
export { ProblemError, problemTypeBase, type ProblemInit } from './http/problem-error';
export { problemContentType } from './http/problem-responses';
export { invalidRequest, type FieldError } from './http/invalid-request';
export {
  validate,
  type RequestSchemas,
  type RequestValidator,
  type ValidatedInput,
} from './http/validate';
export type { ReadinessChecks } from './http/readiness';
export { createCircuitBreaker, type CircuitBreakerOptions } from './resilience/circuit-breaker';
export { createUpstreamClient, type UpstreamClientOptions } from './resilience/upstream-client';
export { failureKindOf, type FailureKind } from './resilience/failure-kind';
export { createShutdown, type Shutdown, type ShutdownOptions } from './lifecycle/shutdown';
export { runMain, type MainOptions, type Running } from './lifecycle/run-main';
export { serve, type ServeOptions } from './http/serve';
export { serveManagement } from './http/serve-management';
export {
  serviceCallersOnly,
  signedInUser,
  verifiedCaller,
  type CallerStatementCheck,
} from './http/caller-statements';
export { ownCallerStatement } from './http/caller-statement-signer';
export {
  startInBackground,
  type BackgroundStart,
  type BackgroundStartOptions,
} from './lifecycle/start-in-background';
export { keepJobScheduler, type KeptJobSchedulerOptions } from './lifecycle/kept-job-scheduler';
export { watchRedisConnection } from './redis/watch-redis-connection';
export { createRedis, type RedisOptions, type RedisRole } from './redis/create-redis';
export * from './messaging';
