const retryMs = 500;

/** A loop of one async step, run until `stop()`, which resolves once the step in progress ends. */
export interface RepeatingTask {
  stop(): Promise<void>;
}

/**
 * Runs `step` again and again (each waits for its own pauses through `pause`). A step that fails
 * is reported and tried again a moment later: the fault goes on until removed.
 */
export function repeatUntilStopped(
  step: (pause: (ms: number) => Promise<void>) => Promise<void>,
): RepeatingTask {
  let stopped = false;
  const wakers = new Set<() => void>();
  // A stop cuts a pause short, so removal does not wait for the step's sleep to run out.
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      }
      wakers.add(done);
    });
  const running = (async () => {
    while (!stopped) {
      try {
        await step(pause);
      } catch (error) {
        if (stopped) break;
        console.warn(`   fault step failed, trying again: ${(error as Error).message}`);
        await pause(retryMs);
      }
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await running;
    },
  };
}
