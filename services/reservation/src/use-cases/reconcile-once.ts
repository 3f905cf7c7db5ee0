import type { Logger } from '@headliner/platform';
import { createPgPool, sqlDatabase } from '@headliner/platform/database';
import { createDatabase } from '../infra/database';
import { logMismatch } from './log-mismatch';
import { reconcile, type ReconcileOptions, type ReconciliationReport } from './reconcile';

export interface ReconcileOnceOptions extends ReconcileOptions {
  urls: { reservation: string; wallet: string; concert: string };
  /** The system's KAFKA_NAMESPACE: the repairs' events go to its topics. */
  kafkaNamespace: string;
  logger: Logger;
}

/**
 * One reconciliation, for `npm run reconcile`: its repairs' events wait in the reservation
 * outbox for the running service's relay, as the saga's own do.
 */
export async function reconcileOnce(options: ReconcileOnceOptions): Promise<ReconciliationReport> {
  const reservation = createDatabase(options.urls.reservation, {
    poolSize: 2,
    logger: options.logger,
    kafkaNamespace: options.kafkaNamespace,
  });
  const wallet = createPgPool(options.urls.wallet, 1, {
    logger: options.logger,
    name: 'reconcile-wallet',
  });
  const catalogue = createPgPool(options.urls.concert, 1, {
    logger: options.logger,
    name: 'reconcile-concert',
  });
  try {
    const report = await reconcile(
      { reservation, wallet: sqlDatabase(wallet), catalogue: sqlDatabase(catalogue) },
      options,
    );
    if (report.ran) for (const mismatch of report.mismatches) logMismatch(options.logger, mismatch);
    return report;
  } finally {
    await Promise.all([reservation.$disconnect(), wallet.end(), catalogue.end()]);
  }
}
