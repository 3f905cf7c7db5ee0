import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { keepJobScheduler, type Logger } from '@headliner/platform';
import { expireLapsedHolds } from '../use-cases/expire-lapsed-holds';
import type { Database } from '../infra/database';
import type { SeatClaims } from '../infra/seat-claims';
import { holdsExpired, paymentsTimedOut } from '../metrics';
import { timeOutUnansweredPayments } from '../use-cases/time-out-payments';
import {
  expireHoldJob,
  holdExpiryQueueName,
  sweepLapsedHoldsJob,
  type HoldExpiryJobData,
  type HoldExpiryQueue,
} from '../infra/hold-expiry-queue';

export interface HoldExpiryWorkerOptions {
  /** A connection with maxRetriesPerRequest: null, as bullmq workers require. */
  connection: Redis;
  prefix?: string;
  queue: HoldExpiryQueue;
  db: Database;
  claims: SeatClaims;
  logger: Logger;
  sweepIntervalMs: number;
  /** PAYMENT_TIMEOUT_SECONDS: how long the sweep lets a payment wait for the wallet. */
  paymentTimeoutSeconds: number;
}

const sweepBatchSize = 200;

/**
 * Expires each hold when its delayed job comes due, and sweeps every few seconds for lapsed
 * holds a job missed (Redis lost it, or the clocks disagreed): the job is for promptness, the
 * sweep makes sure. The sweep also gives up on payments the wallet never answered, which would
 * otherwise keep their holds (and seats) forever. Every instance asserts the sweep's scheduler on
 * each tick, so a Redis that lost it (and with it every hold's job) sweeps again within two
 * intervals.
 */
export function startHoldExpiryWorker(options: HoldExpiryWorkerOptions): {
  close(): Promise<void>;
} {
  const { db, claims, logger } = options;
  const expire = async (job: Job<HoldExpiryJobData>) => {
    const { reservationId } = job.data;
    if (job.name === expireHoldJob && reservationId) {
      const expired = await db.$transaction((tx) => expireLapsedHolds(tx, { reservationId }));
      holdsExpired.inc({ by: 'job' }, expired.length);
      return;
    }
    if (job.name !== sweepLapsedHoldsJob) return;
    for (;;) {
      const expired = await db.$transaction((tx) =>
        expireLapsedHolds(tx, { oldest: sweepBatchSize }),
      );
      holdsExpired.inc({ by: 'sweep' }, expired.length);
      if (expired.length < sweepBatchSize) break;
    }
    const unanswered = { timeoutSeconds: options.paymentTimeoutSeconds, oldest: sweepBatchSize };
    for (;;) {
      const timedOut = await db.$transaction((tx) => timeOutUnansweredPayments(tx, unanswered));
      paymentsTimedOut.inc(timedOut.length);
      // After commit: until then the hold is the seat's, and its claim with it.
      await Promise.all(timedOut.map((hold) => claims.release(hold.seatId, hold.reservationId)));
      if (timedOut.length < sweepBatchSize) return;
    }
  };

  const worker = new Worker<HoldExpiryJobData>(holdExpiryQueueName, expire, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: 8,
  });
  worker.on('failed', (job, error) =>
    logger.warn({ err: error, jobId: job?.id, job: job?.name }, 'hold expiry job failed'),
  );
  worker.on('error', (error) => logger.error({ err: error }, 'hold expiry worker error'));
  const schedule = keepJobScheduler({
    name: 'lapsed holds sweep',
    upsert: () =>
      options.queue.queue.upsertJobScheduler(
        sweepLapsedHoldsJob,
        { every: options.sweepIntervalMs },
        { name: sweepLapsedHoldsJob, opts: { removeOnComplete: true, removeOnFail: 100 } },
      ),
    intervalMs: options.sweepIntervalMs,
    logger,
  });
  return {
    async close() {
      await schedule.stop();
      await worker.close();
    },
  };
}
