import type { ServiceProcess } from './service-process';

// Restarts the services `npm start` runs when one dies, as a process supervisor (systemd's
// Restart=always, Kubernetes) would in production: a service that lost a dependency for good,
// or hit a bug, comes back on its own instead of leaving its part of the system down.

export interface RestartPolicy {
  log(line: string): void;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Up this long, a service's next death counts as its first again. */
  stableAfterMs?: number;
}

/** The pause before a restart after `diedInARow` deaths in a row: doubling, capped. */
export function restartDelayMs(
  diedInARow: number,
  { firstDelayMs, maxDelayMs }: { firstDelayMs: number; maxDelayMs: number },
): number {
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (diedInARow - 1));
}

/**
 * Restarts each process when it exits, after a pause that doubles while it keeps dying and starts
 * again from the first once it had stayed up `stableAfterMs`, and logs each death with its cause.
 * stop() (Ctrl-C) restarts nothing more and ends every process with a graceful drain.
 */
export function superviseRestarts(
  processes: readonly ServiceProcess[],
  { log, firstDelayMs = 1_000, maxDelayMs = 30_000, stableAfterMs = 30_000 }: RestartPolicy,
) {
  let stopping = false;
  const pending = new Set<NodeJS.Timeout>();
  for (const service of processes) {
    let diedInARow = 0;
    service.onExit(({ code, signal, upMs }) => {
      if (stopping) return;
      diedInARow = upMs >= stableAfterMs ? 1 : diedInARow + 1;
      const delayMs = restartDelayMs(diedInARow, { firstDelayMs, maxDelayMs });
      log(
        `${service.name} exited (${code ?? signal}) after ${seconds(upMs, 1)}; ` +
          `restarting in ${seconds(delayMs)} (death ${diedInARow} in a row)`,
      );
      const restart = setTimeout(() => {
        pending.delete(restart);
        service.start();
      }, delayMs);
      pending.add(restart);
    });
  }
  return {
    /** Resolves once every process has exited. */
    stop: async () => {
      stopping = true;
      pending.forEach(clearTimeout);
      await Promise.all(processes.map((service) => service.terminate()));
    },
  };
}

function seconds(ms: number, digits?: number): string {
  return `${digits === undefined ? ms / 1000 : (ms / 1000).toFixed(digits)} s`;
}
