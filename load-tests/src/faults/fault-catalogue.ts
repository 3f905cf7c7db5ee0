import { startInfrastructure, stopInfrastructure, type System } from '@headliner/system';
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
  /** What the operator does, with Headliner's admin controls, once the alert has arrived. */
  mitigation?: Mitigation;
  inject(system: System): Promise<void>;
  remove(system: System): Promise<void>;
}

export interface FaultLoad {
  /** A script of load-tests/scenarios. */
  script: string;
  env?: Record<string, string>;
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

export const faults: readonly Fault[] = [
  {
    name: 'postgres-restart',
    detectedBy: ['HeadlinerBookingErrorBudgetBurnFast'],
    description:
      'PostgreSQL stopped (fast shutdown: every session ended), started again 10 s later',
    ...outage('postgres', 10),
  },
  {
    name: 'redis-restart',
    detectedBy: ['HeadlinerBookingErrorBudgetBurnFast'],
    description: 'Redis stopped, started again 10 s later (its append-only file keeps the data)',
    ...outage('redis', 10),
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
    description: 'the Kafka broker stopped, started again 30 s later',
    ...outage('kafka', 30),
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
