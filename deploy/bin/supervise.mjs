// Restarts the services `npm start` runs when one dies, as a process supervisor (systemd's
// Restart=always, Kubernetes) would in production: a service that lost a dependency for good,
// or hit a bug, comes back on its own instead of leaving its part of the system down.

/** The pause before a restart after `diedInARow` deaths in a row: doubling, capped. */
export function restartDelayMs(diedInARow, { firstDelayMs, maxDelayMs }) {
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (diedInARow - 1));
}

/**
 * Restarts each command of a concurrently run when it exits, after a pause that doubles while it
 * keeps dying and starts again from the first once it had stayed up `stableAfterMs`, and logs
 * each death with its cause. After stop() (Ctrl-C) nothing restarts; `stopped` resolves once
 * every command has exited.
 */
export function superviseRestarts(
  { commands, result },
  { log, firstDelayMs = 1_000, maxDelayMs = 30_000, stableAfterMs = 30_000 },
) {
  // concurrently settles its result the first time no command runs, e.g. every service waiting
  // for its restart at once: the supervisor, not that, decides when the run is over.
  result.catch(() => undefined);
  let stopping = false;
  let allExited;
  const stopped = new Promise((resolve) => (allExited = resolve));
  const pending = new Set();
  const settleIfAllExited = () => {
    if (stopping && commands.every((command) => command.state !== 'started')) allExited();
  };

  for (const command of commands) {
    let diedInARow = 0;
    command.close.subscribe(({ exitCode, timings }) => {
      if (stopping) return settleIfAllExited();
      const upMs = timings.endDate - timings.startDate;
      diedInARow = upMs >= stableAfterMs ? 1 : diedInARow + 1;
      const delayMs = restartDelayMs(diedInARow, { firstDelayMs, maxDelayMs });
      log(
        `${command.name} exited (${exitCode}) after ${seconds(upMs, 1)}; ` +
          `restarting in ${seconds(delayMs)} (death ${diedInARow} in a row)`,
      );
      const restart = setTimeout(() => {
        pending.delete(restart);
        command.start();
      }, delayMs);
      pending.add(restart);
    });
  }

  return {
    stopped,
    stop: () => {
      stopping = true;
      pending.forEach(clearTimeout);
      settleIfAllExited();
    },
  };
}

function seconds(ms, digits) {
  return `${digits === undefined ? ms / 1000 : (ms / 1000).toFixed(digits)} s`;
}
