import type { Logger } from '@headliner/platform';
import { reconciliationMismatches, reconciliationRepairs, reconciliationRuns } from '../metrics';
import { logMismatch } from '../use-cases/log-mismatch';
import { mismatchKinds } from '../domain/mismatch';
import {
  reconcile,
  type ReconcileOptions,
  type ReconciliationReport,
  type ReconciliationSources,
} from '../use-cases/reconcile';

export interface ReconciliationScheduleOptions extends ReconcileOptions {
  sources: ReconciliationSources;
  intervalMs: number;
  logger: Logger;
}

export interface ReconciliationSchedule {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Reconciles every `intervalMs` on a plain timer: the advisory lock lets one replica run at a
 * time, and nothing depends on Redis, so the check still runs when the sweeps' schedulers are
 * lost. Each run's mismatches set the gauge by kind and each is logged with its ids.
 */
export function scheduleReconciliation(
  options: ReconciliationScheduleOptions,
): ReconciliationSchedule {
  const { sources, intervalMs, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const record = (report: ReconciliationReport) => {
    if (!report.ran) {
      reconciliationRuns.inc({ outcome: 'skipped' });
      return;
    }
    for (const kind of mismatchKinds) reconciliationMismatches.set({ kind }, 0);
    for (const mismatch of report.mismatches) {
      reconciliationMismatches.inc({ kind: mismatch.kind });
      if (mismatch.outcome === 'sent') reconciliationRepairs.inc({ kind: mismatch.kind });
      logMismatch(logger, mismatch);
    }
    reconciliationRuns.inc({ outcome: report.mismatches.length > 0 ? 'mismatches' : 'clean' });
  };

  const run = async () => {
    try {
      record(await reconcile(sources, options));
    } catch (error) {
      reconciliationRuns.inc({ outcome: 'error' });
      logger.error({ err: error }, 'reconciliation run failed; trying again next time');
    }
    if (!stopped) timer = setTimeout(() => (running = run()), intervalMs);
  };
  timer = setTimeout(() => (running = run()), intervalMs);

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
