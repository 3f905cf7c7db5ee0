import { Gauge } from 'prom-client';
import { checkReadiness, type ReadinessChecks } from './readiness';

const dependencyUp = new Gauge({
  name: 'readiness_dependency_up',
  help: "1 while a readiness check of the service's answers, 0 while it fails, by dependency (postgres, redis, kafka, consumers)",
  labelNames: ['dependency'],
});

/** Each check's outcome as readiness_dependency_up: every probe's too, so it is never older than the last. */
export function recordDependencies(checks: Record<string, string>): void {
  for (const [dependency, outcome] of Object.entries(checks)) {
    dependencyUp.set({ dependency }, outcome === 'up' ? 1 : 0);
  }
}

export interface ReadinessWatch {
  needed: ReadinessChecks;
  degradedWithout: ReadinessChecks;
  timeoutMs: number;
  /** How often the checks run (default 5 s). */
  intervalMs?: number;
}

/**
 * Runs the readiness checks every few seconds and exposes each as readiness_dependency_up, so an
 * outage shows between scrapes whether or not anything probes. Returns the stop.
 */
export function watchReadiness(watch: ReadinessWatch): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const refresh = async () => {
    const { checks } = await checkReadiness(watch.needed, watch.degradedWithout, watch.timeoutMs);
    if (stopped) return;
    recordDependencies(checks);
    timer = setTimeout(() => void refresh(), watch.intervalMs ?? 5000);
    timer.unref();
  };
  void refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
