import { keepJobScheduler, type Logger } from '@headliner/platform';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WaitingRoom } from '../infra/waiting-room';

export interface SweepOptions {
  /** maxRetriesPerRequest: null, as bullmq workers require. */
  connection: Redis;
  /** The queue's key prefix; bullmq's keys go under `<prefix>bull:`. */
  keyPrefix: string;
  intervalMs: number;
  waitingRoom: Pick<WaitingRoom, 'sweep'>;
  logger: Logger;
}

const queueName = 'sweep';

/**
 * Sweeps the waiting room on a bullmq job scheduler: one job per tick however many instances run
 * (the sweep is idempotent anyway), and every instance's worker can take it. Slots freed by
 * leaving or paying are refilled at once; the sweep is for lapsed tokens, which nobody reports.
 * Every instance asserts the scheduler on each tick, so a Redis that lost it sweeps again within
 * two intervals.
 */
export function startSweep(options: SweepOptions): { close(): Promise<void> } {
  const { connection, logger, intervalMs } = options;
  const prefix = `${options.keyPrefix}bull`;
  const queue = new Queue(queueName, { connection, prefix });
  const schedule = keepJobScheduler({
    name: 'waiting room sweep',
    upsert: () =>
      queue.upsertJobScheduler(
        queueName,
        { every: intervalMs },
        { name: queueName, opts: { removeOnComplete: true, removeOnFail: 100 } },
      ),
    intervalMs,
    logger,
  });

  const worker = new Worker(queueName, () => options.waitingRoom.sweep(), {
    connection,
    prefix,
    concurrency: 1,
  });
  worker.on('failed', (_job, error) => logger.warn({ err: error }, 'sweep failed'));
  worker.on('error', (error) => logger.warn({ err: error }, 'sweep worker error'));

  return {
    async close() {
      await schedule.stop();
      await worker.close();
      await queue.close();
    },
  };
}
