import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

// WARNING: never rename the queue or its job names: delayed jobs already in Redis would be
// orphaned (the sweep would still expire their holds, only later).
export const holdExpiryQueueName = 'hold-expiry';
export const expireHoldJob = 'expire-hold';
export const sweepLapsedHoldsJob = 'sweep-lapsed-holds';

export interface HoldExpiryJobData {
  reservationId?: string;
}

export interface HoldExpiryQueue {
  queue: Queue<HoldExpiryJobData>;
  /** Expire the hold at expiresAt; scheduling one hold twice keeps one job. */
  schedule(reservationId: string, expiresAt: Date): Promise<void>;
  close(): Promise<void>;
}

/** `connection` should have enableOfflineQueue: false, so scheduling fails fast without Redis. */
export function createHoldExpiryQueue(connection: Redis, prefix?: string): HoldExpiryQueue {
  const queue = new Queue<HoldExpiryJobData>(holdExpiryQueueName, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: true,
      removeOnFail: 1000,
    },
  });
  return {
    queue,
    schedule: async (reservationId, expiresAt) => {
      await queue.add(
        expireHoldJob,
        { reservationId },
        { jobId: reservationId, delay: Math.max(0, expiresAt.getTime() - Date.now()) },
      );
    },
    close: () => queue.close(),
  };
}
