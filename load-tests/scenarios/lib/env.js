// Every size and address a scenario reads from its environment (k6 run -e NAME=value, or the
// runner), so one script runs as a 2-VU smoke or at full size.

export const BASE_URL = (__ENV.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');

export function textEnv(name, fallback) {
  const value = __ENV[name];
  return value === undefined || value === '' ? fallback : value;
}

export function numberEnv(name, fallback) {
  const value = textEnv(name, undefined);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new Error(`${name} must be a number, got "${value}"`);
  return number;
}

/** A k6 duration such as "90s", "10m" or "1h" in seconds (k6 options take the text as is). */
export function seconds(duration) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(duration);
  if (!match) throw new Error(`"${duration}" is not a duration like 30s, 10m or 1h`);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 }[match[2]];
  return Number(match[1]) * unit;
}

/**
 * A latency limit in ms, times LATENCY_FACTOR (default 1). The smoke runs with 10: a handful of
 * requests to a just-booted system on a busy machine says nothing about latency, but ten times
 * the limit still catches a hang.
 */
export function latencyMs(limit) {
  return limit * numberEnv('LATENCY_FACTOR', 1);
}

/**
 * A fan's pause between rounds: THINK seconds (the fallback if unset), give or take THINK_SPREAD
 * (0.5) of it, drawn afresh each round. VUs that start together and pause a fixed time keep
 * arriving together, all of them in one burst every round, which real fans do not do.
 * THINK_SPREAD=0 gives the fixed pause.
 */
export function thinkSeconds(fallback) {
  const think = numberEnv('THINK', fallback);
  const spread = numberEnv('THINK_SPREAD', 0.5);
  return think * (1 - spread + 2 * spread * Math.random());
}
