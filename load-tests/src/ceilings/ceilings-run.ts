import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Session } from '../sessions';
import { startBareServer, type BareServer } from './bare-server';
import { captureHotPaths } from './capture-hot-paths';
import { castFans } from './ceiling-fans';
import { ceilingFigures, type CeilingFigures } from './ceiling-figures';
import { ceilingPlan } from './ceiling-plan';

// The ceilings scenario's part of a run around k6: before it, the fans made ready, each hot path's
// real answer captured and a bare server answering those bytes started; after it, the bare server
// stopped and each path's share of its ceiling written (<scenario>.ceilings.json).

export interface CeilingsRun {
  /** For the k6 script: the bare server, the fans and the seat map's schedule. */
  env: Record<string, string>;
  /** Reads the summary k6 wrote into the figures and writes them to `figuresFile`. */
  finish(metrics: Record<string, { values: Record<string, number> }>): Promise<CeilingFigures>;
  stop(): Promise<void>;
}

export interface CeilingsSetup {
  gatewayUrl: string;
  /** The k6 env so far: SESSIONS_FILE, sizes (VUS, DURATION, ROUNDS, PATHS, CONCERT_INDEX). */
  env: Record<string, string>;
  fansFile: string;
  answersFile: string;
  figuresFile: string;
}

const loadAverage = () => os.loadavg()[0] as number;

export async function startCeilings(setup: CeilingsSetup): Promise<CeilingsRun> {
  const plan = ceilingPlan(setup.env);
  const sessionsFile = setup.env.SESSIONS_FILE;
  if (!sessionsFile) throw new Error('the ceilings scenario needs signed-in fans (sessions: true)');
  const sessions = JSON.parse(await readFile(sessionsFile, 'utf8')) as Session[];
  const cast = await castFans(setup.gatewayUrl, sessions, Number(setup.env.CONCERT_INDEX ?? 0));
  await writeFile(setup.fansFile, JSON.stringify(cast.fans));
  const answers = await captureHotPaths(setup.gatewayUrl, cast);
  await writeFile(setup.answersFile, JSON.stringify(answers, null, 1));
  const bare: BareServer = await startBareServer(answers);
  const before = loadAverage();
  return {
    env: { BARE_URL: bare.url, FANS_FILE: setup.fansFile, SEAT_MAP_SCHEDULE: cast.seatMapSchedule },
    finish: async (metrics) => {
      const figures = ceilingFigures(metrics, plan, { before, after: loadAverage() });
      await writeFile(setup.figuresFile, JSON.stringify(figures, null, 1));
      return figures;
    },
    stop: () => bare.stop(),
  };
}
