import { startInfrastructure, stopInfrastructure, type System } from '@headliner/system';
import { revokedSeatWrites } from './injectors/dlq-poison';
import { hotRowLocks } from './injectors/hot-row-lock-contention';
import { redisPauses } from './injectors/redis-slow';
import { slowSeatReads } from './injectors/seat-map-slow-query';
import type { Mitigation } from './operator';

/** A production fault the bench injects under load, then removes. */
export interface Fault {
  name: string;
  /** What happens, in the report's words. */
  description: string;
  /** Seconds between injecting the fault and removing it. */
  lastsSeconds: number;
  /** The alerts (deploy/observability/prometheus/rules) that must page or ticket for it. */
  detectedBy: readonly string[];
  /** The k6 shape that runs through it; the soak's steady mix of 50 fans unless said. */
  load?: FaultLoad;
  /** Settings of the drill's system, beside the load tests' own. */
  systemEnv?: Record<string, string>;
  /** What the operator does, with Headliner's admin controls, once the alert has arrived. */
  mitigation?: Mitigation;
  inject(system: System): Promise<void>;
  remove(system: System): Promise<void>;
}

export interface FaultLoad {
  /** A script of load-tests/scenarios. */
  script: string;
  env?: Record<string, string>;
  /** Fans to seed and sign in for the script, when it needs more than the soak's 50. */
  users?: number;
}

const outage = (component: 'postgres' | 'redis' | 'kafka', lastsSeconds: number) => ({
  lastsSeconds,
  inject: () => stopInfrastructure(component),
  remove: () => startInfrastructure(component),
});

// A crashed service comes back when something restarts it: `npm start`'s supervisor or
// Kubernetes. Here the runner is that supervisor, after `lastsSeconds`.
const crash = (service: 'wallet' | 'reservation', lastsSeconds: number) => ({
  lastsSeconds,
  inject: (system: System) => system.kill(service),
  remove: (system: System) => system.restart(service),
});

// A stalled host: the process is there, its sockets open, and it answers nothing.
const stall = (service: 'concert', lastsSeconds: number) => ({
  lastsSeconds,
  inject: async (system: System) => system.pause(service),
  remove: async (system: System) => system.resume(service),
});

// The runbook's move when the catalogue is away (HeadlinerServiceDown): admit nobody new, so no
// fan's turn runs out on seat maps that cannot load; the fans already in keep theirs.
const pausedAdmission: Mitigation = {
  description: 'admission paused (POST /api/v1/admin/waiting-room/pause), resumed after',
  apply: async (operator) => {
    await operator.call('POST', '/api/v1/admin/waiting-room/pause');
  },
  undo: async (operator) => {
    await operator.call('POST', '/api/v1/admin/waiting-room/resume');
  },
};

const spikeFans = 400;
const steadyFans = 50;

export const faults: readonly Fault[] = [
  {
    name: 'postgres-restart',
    // Ten seconds is under DependencyDown's 30: the failed and the hanging requests page.
    detectedBy: [
      'HeadlinerApiErrorsCritical',
      'HeadlinerBookingErrorBudgetBurnFast',
      'HeadlinerApiLatencyP90Critical',
    ],
    description:
      'PostgreSQL stopped (fast shutdown: every session ended), started again 10 s later',
    ...outage('postgres', 10),
  },
  {
    name: 'redis-down',
    detectedBy: ['HeadlinerDependencyDown', 'HeadlinerApiErrorsCritical'],
    description: 'Redis stopped, started again 60 s later (its append-only file keeps the data)',
    ...outage('redis', 60),
  },
  {
    name: 'redis-slow',
    // The services' Redis command timeout turns most pauses into fast 503s rather than waits.
    detectedBy: [
      'HeadlinerApiLatencyP90Critical',
      'HeadlinerApiErrorsCritical',
      'HeadlinerBookingErrorBudgetBurnFast',
      'HeadlinerDependencyDown',
    ],
    description:
      'Redis answering slowly for 60 s: every client paused (CLIENT PAUSE ALL) 1.5 s of every 1.75 s',
    lastsSeconds: 60,
    ...redisPauses({ pauseMs: 1500, gapMs: 250 }),
  },
  {
    name: 'seat-map-slow-query',
    // Slow reads hold the concert's pool, so its readiness check times out too.
    detectedBy: ['HeadlinerApiLatencyP90Critical', 'HeadlinerDependencyDown'],
    description:
      "the catalogue's seat reads slow inside PostgreSQL for 60 s (its Redis cache off, as in the references): a forced row-level-security policy sleeps 1.5 s in every statement that reads seats",
    lastsSeconds: 60,
    // The references' seat lookup had no cache; with it, the slow query only meets cache misses.
    systemEnv: { CATALOGUE_CACHE: 'off' },
    ...slowSeatReads(1.5),
  },
  {
    name: 'hot-row-lock-contention',
    detectedBy: ['HeadlinerApiLatencyP90Critical'],
    description:
      "two sessions in turn lock every live hold's reservation FOR UPDATE for 2 s at a time, for 60 s",
    lastsSeconds: 60,
    ...hotRowLocks({ sessions: 2, holdMs: 2000 }),
  },
  {
    name: 'redis-data-loss',
    detectedBy: [],
    description:
      'every Redis key of the system deleted at once, as a restart without its file or a FLUSHALL would',
    lastsSeconds: 0,
    inject: (system: System) => system.loseRedisData(),
    remove: async () => undefined,
  },
  {
    name: 'kafka-down',
    detectedBy: ['HeadlinerDependencyDown'],
    description: 'the Kafka broker stopped, started again 60 s later',
    ...outage('kafka', 60),
  },
  {
    name: 'dlq-poison',
    detectedBy: ['HeadlinerDlqGrowing'],
    description:
      "the concert service's UPDATE on its seats revoked for 30 s: every reservation event it consumes fails for good into a DLQ; granted back, then the DLQs replayed with the DLQ tool",
    lastsSeconds: 30,
    ...revokedSeatWrites(),
  },
  {
    name: 'wallet-crash',
    detectedBy: ['HeadlinerServiceRestarted'],
    description: 'the wallet SIGKILLed mid-saga, restarted 5 s later',
    ...crash('wallet', 5),
  },
  {
    name: 'reservation-crash',
    detectedBy: ['HeadlinerServiceRestarted'],
    description: 'the reservation service SIGKILLed mid-saga, restarted 5 s later',
    ...crash('reservation', 5),
  },
  {
    name: 'upstream-stall',
    detectedBy: ['HeadlinerServiceDown', 'HeadlinerApiErrorsCritical'],
    description:
      'the concert service SIGSTOPped for 60 s (connections open, no answers), then SIGCONTed',
    ...stall('concert', 60),
    mitigation: pausedAdmission,
  },
  {
    name: 'arrival-spike',
    detectedBy: ['HeadlinerWaitingRoomSurge'],
    description: `${spikeFans} new fans ask for queue tokens and poll them for 60 s over the soak's mix, far beyond the active limit`,
    lastsSeconds: 60,
    load: {
      script: 'arrival-spike.js',
      env: { SPIKE_FANS: String(spikeFans), SPIKE_START: '30s', SPIKE_DURATION: '60s' },
      users: steadyFans + spikeFans,
    },
    // The load is the fault: nothing to put in or take out.
    inject: async () => undefined,
    remove: async () => undefined,
  },
];

export function faultsNamed(names: readonly string[]): Fault[] {
  if (names.length === 0) return [...faults];
  const unknown = names.filter((name) => !faults.some((fault) => fault.name === name));
  if (unknown.length > 0) {
    const known = faults.map((fault) => fault.name).join(', ');
    throw new Error(`unknown fault ${unknown.join(', ')}; known: ${known}`);
  }
  return faults.filter((fault) => names.includes(fault.name));
}
