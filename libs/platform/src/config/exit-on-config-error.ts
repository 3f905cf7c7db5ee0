import { ConfigError } from './config-error';

/** EX_CONFIG from sysexits.h: tells a supervisor that retrying without a fix is pointless. */
export const configErrorExitCode = 78;

/**
 * Runs `load` (usually `() => loadConfig(schema)`) and, if the configuration is invalid, prints
 * the one-line reason to stderr and exits with 78 instead of a stack trace. Other errors are
 * programming mistakes and are rethrown untouched.
 */
export function exitOnConfigError<Config>(load: () => Config): Config {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(configErrorExitCode);
  }
}
