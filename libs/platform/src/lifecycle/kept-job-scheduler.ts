import type { Logger } from 'pino';

export interface KeptJobSchedulerOptions {
  /** Names the schedule in the log. */
  name: string;
  /**
   * Creates the scheduler or leaves it as it is: bullmq's `queue.upsertJobScheduler` with the
   * same id and interval keeps the pending run at its time, so any number of replicas may call it
   * on every tick without adding runs or postponing them.
   */
  upsert: () => Promise<unknown>;
  intervalMs: number;
  logger: Logger;
}

/**
 * Asserts a bullmq job scheduler now and again every `intervalMs`, so the schedule survives what
 * deletes it while this process runs: a Redis that restarts without its data, a FLUSHALL (which
 * does not even drop the connections), or a failed write of a run's successor, after which
 * bullmq schedules no further run. The schedule is running again within one interval.
 */
export function keepJobScheduler(options: KeptJobSchedulerOptions): { stop(): Promise<void> } {
  const { name, upsert, intervalMs, logger } = options;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let asserting: Promise<void> = Promise.resolve();

  const assert = async () => {
    try {
      await upsert();
      if (failing) logger.info({ scheduler: name }, 'job scheduler asserted again');
      failing = false;
    } catch (error) {
      // Once per outage: the next tick tries again.
      if (!failing && !stopped) {
        logger.warn({ err: error, scheduler: name }, 'job scheduler could not be asserted');
      }
      failing = true;
    }
  };
  const tick = () => {
    asserting = assert().then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await asserting;
    },
  };
}
