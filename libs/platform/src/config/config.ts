import type { z } from 'zod';
import { ConfigError } from './config-error';

export type Environment = Record<string, string | undefined>;

/**
 * Parses the environment once at boot against a service's schema of variables and returns the
 * typed, coerced configuration. Throws a ConfigError naming every missing or malformed variable,
 * so one failed start tells the operator everything to fix.
 *
 * This is the only module that reads process.env.
 */
export function loadConfig<Schema extends z.ZodObject>(
  schema: Schema,
  env: Environment = process.env,
): z.output<Schema> {
  const present = withoutEmptyValues(env);
  const result = schema.safeParse(present);
  if (result.success) return result.data;

  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const variable = issue.path[0];
    // A rule across several variables (a refine on the whole object) has no single name.
    if (variable === undefined) {
      problems.set(issue.message, issue.message);
      continue;
    }
    const name = String(variable);
    if (problems.has(name)) continue;
    const value = present[name];
    problems.set(
      name,
      value === undefined
        ? `${name} is required`
        : `${name} ${issue.message} (got ${shownValue(name, value)})`,
    );
  }
  throw new ConfigError([...problems.values()]);
}

// `FOO=` in a compose file or a shell means "not set", so it falls back to the default.
function withoutEmptyValues(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

// Error output ends up in logs: never echo secrets or the password inside a connection URL.
function shownValue(name: string, value: string): string {
  if (/PASSWORD|SECRET|TOKEN|KEY|CREDENTIAL/i.test(name)) return '<redacted>';
  return JSON.stringify(value.replace(/\/\/[^/@\s]*@/, '//***@'));
}
