import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import type { HotPathAnswers } from './capture-hot-paths';
import type { ChainRoute } from './chain-backend';
import type { ChainStores } from './chain-round-trips';

// The bare chain: what the real path's structure costs at the least. k6 → a bare forwarding
// process → a bare backend process that makes the path's one datastore round trip and answers
// the captured bytes; two Node hops and a store, as k6 → gateway → service (→ Redis or
// PostgreSQL), with nothing else. Each hop its own process, so both cores are theirs to share.

export interface ChainBackendConfig {
  routes: ChainRoute[];
  stores: ChainStores;
  /** Each fan's authorization header: the key of its row and its Redis key. */
  fans: string[];
}

/** Each captured answer behind the round trip its service makes (chain-round-trips.ts). */
export function chainRoutes(answers: HotPathAnswers): ChainRoute[] {
  return [
    { answer: answers.seatMap, roundTrip: 'none' },
    { answer: answers.token, roundTrip: 'redis-script' },
    { answer: answers.poll, roundTrip: 'redis-get' },
    { answer: answers.balance, roundTrip: 'pg-read' },
    { answer: answers.hold, roundTrip: 'pg-insert' },
    { answer: answers.release, roundTrip: 'pg-delete' },
  ];
}

export interface BareChain {
  /** The proxy's, where k6 sends the chain's requests. */
  url: string;
  /** The proxy's and the backend's processes: the chain's CPU. */
  pids: number[];
  stop(): Promise<void>;
}

const cli = path.join(__dirname, 'bare-chain-cli.ts');
const START_TIMEOUT_MS = 30_000;

/** Starts one hop and waits for the URL it prints. */
function startHop(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bare chain ${args[0]}: not listening after ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bare chain ${args[0]} exited ${code} before listening`));
    });
    createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).on(
      'line',
      (line) => {
        const url = /^listening (\S+)$/.exec(line)?.[1];
        if (!url) return;
        clearTimeout(timer);
        resolve({ child, url });
      },
    );
  });
}

function stopHop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// Fresh processes run their first requests in the interpreter, where the system's services were
// warmed by the seeding and the capture: each route is asked this many times before k6 starts.
const WARM_UP_REQUESTS = 200;
const WARM_UP_AT_ONCE = 10;

function ask(url: string, route: ChainRoute, fan: string): Promise<void> {
  return new Promise((resolve, reject) => {
    request(new URL(route.answer.path, url), {
      method: route.answer.method,
      headers: { authorization: fan },
    })
      .on('response', (res) => res.resume().on('end', resolve))
      .on('error', reject)
      .end();
  });
}

async function warmUp(url: string, routes: readonly ChainRoute[], fan: string): Promise<void> {
  for (const route of routes) {
    for (let asked = 0; asked < WARM_UP_REQUESTS; asked += WARM_UP_AT_ONCE) {
      await Promise.all(Array.from({ length: WARM_UP_AT_ONCE }, () => ask(url, route, fan)));
    }
  }
}

export async function startBareChain(
  config: ChainBackendConfig,
  configFile: string,
): Promise<BareChain> {
  await writeFile(configFile, JSON.stringify(config));
  const backend = await startHop(['backend', configFile]);
  const proxy = await startHop(['proxy', backend.url]).catch(async (error: unknown) => {
    await stopHop(backend.child);
    throw error;
  });
  let stopped: Promise<void> | undefined;
  const chain: BareChain = {
    url: proxy.url,
    pids: [proxy.child.pid, backend.child.pid].filter((pid) => pid !== undefined),
    /** Idempotent, as the bare server's stop. */
    stop: () => {
      stopped ??= Promise.all([stopHop(proxy.child), stopHop(backend.child)]).then(() => undefined);
      return stopped;
    },
  };
  await warmUp(proxy.url, config.routes, config.fans[0] ?? '').catch(async (error: unknown) => {
    await chain.stop();
    throw error;
  });
  return chain;
}
