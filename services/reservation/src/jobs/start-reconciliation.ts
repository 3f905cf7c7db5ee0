import { createPgPool, sqlDatabase } from '@headliner/platform/database';
import type { Logger } from '@headliner/platform';
import type { Config } from '../config';
import type { Database } from '../infra/database';
import { scheduleReconciliation, type ReconciliationSchedule } from './reconciliation-schedule';

export interface ReconciliationDeps {
  db: Database;
  logger: Logger;
}

type ReconciliationConfig = Pick<
  Config,
  | 'RECONCILE_WALLET_DATABASE_URL'
  | 'RECONCILE_CONCERT_DATABASE_URL'
  | 'RECONCILE_INTERVAL_MS'
  | 'RECONCILE_GRACE_SECONDS'
  | 'RECONCILE_REPAIRS'
  | 'PAYMENT_TIMEOUT_SECONDS'
>;

/**
 * The scheduled reconciliation, when this service may read the wallet's and the catalogue's
 * databases (RECONCILE_WALLET_DATABASE_URL, RECONCILE_CONCERT_DATABASE_URL: read-only roles or
 * replicas in production); otherwise none, and `npm run reconcile` remains.
 */
export function startReconciliation(
  config: ReconciliationConfig,
  { db, logger }: ReconciliationDeps,
): ReconciliationSchedule {
  const walletUrl = config.RECONCILE_WALLET_DATABASE_URL;
  const concertUrl = config.RECONCILE_CONCERT_DATABASE_URL;
  if (!walletUrl || !concertUrl) {
    logger.info('reconciliation not scheduled: it needs both RECONCILE_*_DATABASE_URL');
    return { stop: async () => {} };
  }
  const wallet = createPgPool(walletUrl, 2, { logger, name: 'reconcile-wallet' });
  const catalogue = createPgPool(concertUrl, 2, { logger, name: 'reconcile-concert' });
  const schedule = scheduleReconciliation({
    sources: { reservation: db, wallet: sqlDatabase(wallet), catalogue: sqlDatabase(catalogue) },
    graceSeconds: config.RECONCILE_GRACE_SECONDS,
    paymentTimeoutSeconds: config.PAYMENT_TIMEOUT_SECONDS,
    repair: config.RECONCILE_REPAIRS === 'on',
    intervalMs: config.RECONCILE_INTERVAL_MS,
    logger,
  });
  return {
    stop: async () => {
      await schedule.stop();
      await Promise.all([wallet.end(), catalogue.end()]);
    },
  };
}
