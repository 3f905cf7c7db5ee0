import { hotPaths, type HotPath } from './hot-paths';

// How long each side of each path ran, read from the env the runner hands the script, with the
// script's own defaults (scenarios/ceilings.js).

export interface CeilingPlan {
  paths: HotPath[];
  vus: number;
  /** Seconds one side of one path runs in one round. */
  secondsPerRun: number;
  /** Seconds between one run's end and the next one's start (its graceful stop). */
  gapSeconds: number;
  rounds: number;
}

const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** A k6 duration such as "10s", "1.5s" or "2m" in seconds. */
export function durationSeconds(duration: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(duration);
  if (!match) throw new Error(`"${duration}" is not a duration like 10s or 2m`);
  return Number(match[1]) * (units[match[2] as string] as number);
}

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1, got "${text}"`);
  }
  return value;
}

export function ceilingPlan(env: Record<string, string | undefined>): CeilingPlan {
  const names = env.PATHS ? env.PATHS.split(',') : hotPaths.map((path) => path.name);
  const paths = names.map((name) => {
    const path = hotPaths.find((candidate) => candidate.name === name);
    if (!path) throw new Error(`PATHS: no hot path "${name}"`);
    return path;
  });
  return {
    paths,
    vus: positiveInteger('VUS', env.VUS, 100),
    secondsPerRun: durationSeconds(env.DURATION || '10s'),
    gapSeconds: durationSeconds(env.GAP || '1s'),
    rounds: positiveInteger('ROUNDS', env.ROUNDS, 2),
  };
}
