// Entry point `@headliner/platform/config`: loads no HTTP code, so a service's config.ts can be
// imported by its telemetry.ts before express is required.
export { loadConfig, type Environment } from './config';
export { ConfigError } from './config-error';
export { envVar } from './env-vars';
export {
  baseConfigSchema,
  logLevels,
  logFormats,
  managementPortOf,
  type BaseConfig,
} from './base-config';
export { exitOnConfigError, configErrorExitCode } from './exit-on-config-error';
