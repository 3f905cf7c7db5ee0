import { createRedis, type Running } from '@headliner/platform';
import type { Config } from '../config';
import type { Stores } from '../infra/stores';
import { startHoldExpiryWorker } from './hold-expiry-worker';
import { startReconciliation } from './start-reconciliation';

/** The hold expiry worker and, when configured, the scheduled reconciliation. */
export function startJobs(
  config: Config,
  { db, claims, holdExpiry }: Stores,
  { logger, shutdown }: Running,
): void {
  const connection = createRedis(config.REDIS_URL, 'worker', {
    name: 'hold-expiry-worker',
    logger,
    shutdown,
  });
  const worker = startHoldExpiryWorker({
    connection,
    prefix: `${config.REDIS_KEY_PREFIX}bull`,
    queue: holdExpiry,
    db,
    claims,
    logger,
    sweepIntervalMs: config.EXPIRY_SWEEP_INTERVAL_MS,
    paymentTimeoutSeconds: config.PAYMENT_TIMEOUT_SECONDS,
  });
  shutdown.onClose('hold expiry worker', () => worker.close());
  const reconciliation = startReconciliation(config, { db, logger });
  shutdown.onClose('reconciliation', () => reconciliation.stop());
}
