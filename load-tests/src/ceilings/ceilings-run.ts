import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Session } from '../sessions';
import { chainRoutes, startBareChain } from './bare-chain';
import { startBareServer, type BareServer } from './bare-server';
import { captureHotPaths } from './capture-hot-paths';
import { castFans } from './ceiling-fans';
import { cpuSecondsByPath, runWindows } from './ceiling-cpu';
import { ceilingFigures, type CeilingFigures } from './ceiling-figures';
import { ceilingPlan } from './ceiling-plan';
import type { ChainStores } from './chain-round-trips';
import { sampleCpu } from './cpu-sampler';

// The ceilings scenario's part of a run around k6: before it, the fans made ready, each hot path's
// real answer captured, a bare server answering those bytes and a bare chain (bare-chain.ts) in
// front of the system's own PostgreSQL and Redis started; after it, both stopped and each path's
// share of its ceiling and of its chain written (<scenario>.ceilings.json).

export interface CeilingsRun {
  /** For the k6 script: the bare server, the bare chain, the fans and the seat map's schedule. */
  env: Record<string, string>;
  /** Reads the summary k6 wrote into the figures and writes them to `figuresFile`. */
  finish(summaryFile: string): Promise<CeilingFigures>;
  stop(): Promise<void>;
}

export interface CeilingsSetup {
  gatewayUrl: string;
  /** The system's services' processes: theirs is the real side's CPU. */
  servicePids: (number | undefined)[];
  /** The k6 env so far: SESSIONS_FILE, sizes (VUS, DURATION, ROUNDS, PATHS, CONCERT_INDEX). */
  env: Record<string, string>;
  /** The system's stores, where the bare chain makes its round trips (its own tables and keys). */
  stores: Omit<ChainStores, 'keyPrefix'>;
  fansFile: string;
  /** The bare chain's backend reads its routes, stores and fans from here. */
  chainConfigFile: string;
  answersFile: string;
  figuresFile: string;
}

const loadAverage = () => os.loadavg()[0] as number;

interface K6Summary {
  metrics?: Record<string, { values: Record<string, number> }>;
  /** What the script's setup() returned: the moment its schedule started. */
  setup_data?: { startedAt?: number };
}

/** The summary k6 wrote, or nothing if it wrote none (the run then fails on its thresholds). */
async function readK6Summary(file: string): Promise<K6Summary> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as K6Summary;
  } catch {
    return {};
  }
}

/** The services' processes, or none if any is not running (then no CPU figures, not wrong ones). */
function runningPids(pids: readonly (number | undefined)[]): number[] {
  if (pids.some((pid) => pid === undefined)) {
    console.warn('ceilings: not every service process found; CPU per request left out');
    return [];
  }
  return pids as number[];
}

export async function startCeilings(setup: CeilingsSetup): Promise<CeilingsRun> {
  const plan = ceilingPlan(setup.env);
  const sessionsFile = setup.env.SESSIONS_FILE;
  if (!sessionsFile) throw new Error('the ceilings scenario needs signed-in fans (sessions: true)');
  const sessions = JSON.parse(await readFile(sessionsFile, 'utf8')) as Session[];
  const cast = await castFans(setup.gatewayUrl, sessions, Number(setup.env.CONCERT_INDEX ?? 0));
  await writeFile(setup.fansFile, JSON.stringify(cast.fans));
  const captured = await captureHotPaths(setup.gatewayUrl, cast);
  const answers = Object.values(captured);
  await writeFile(setup.answersFile, JSON.stringify(answers, null, 1));
  const chain = await startBareChain(
    {
      routes: chainRoutes(captured),
      stores: { ...setup.stores, keyPrefix: `headliner-bare-chain:${process.pid}:` },
      fans: cast.fans.map((fan) => `Bearer ${fan.accessToken}`),
    },
    setup.chainConfigFile,
  );
  const bare: BareServer = await startBareServer(answers);
  const real = runningPids(setup.servicePids);
  const measured = real.length > 0;
  // The bare server runs in this process, which does nothing else of note while k6 runs.
  const cpu = sampleCpu({
    real,
    bare: measured ? [process.pid] : [],
    chain: measured ? chain.pids : [],
  });
  const before = loadAverage();
  let after: number | undefined;
  return {
    env: {
      BARE_URL: bare.url,
      CHAIN_URL: chain.url,
      FANS_FILE: setup.fansFile,
      SEAT_MAP_SCHEDULE: cast.seatMapSchedule,
    },
    finish: async (summaryFile) => {
      const series = cpu.stop();
      const summary = await readK6Summary(summaryFile);
      const startedAt = summary.setup_data?.startedAt;
      const spent =
        measured && startedAt !== undefined
          ? cpuSecondsByPath(series, runWindows(plan, startedAt))
          : {};
      const load = { before, after: after ?? loadAverage() };
      const figures = ceilingFigures(summary.metrics ?? {}, plan, load, spent);
      await writeFile(setup.figuresFile, JSON.stringify(figures, null, 1));
      return figures;
    },
    /** Right after k6: the load average then is the run's, not the invariant check's. */
    stop: async () => {
      after ??= loadAverage();
      cpu.stop();
      await Promise.all([bare.stop(), chain.stop()]);
    },
  };
}
