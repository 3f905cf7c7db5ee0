import type { Logger } from '@headliner/platform';
import type { Reconciled } from './reconcile';

/**
 * One structured line per mismatch, with its ids: a warning when a repair was sent (or would be,
 * in a dry run), an error when it needs a person.
 */
export function logMismatch(logger: Logger, mismatch: Reconciled): void {
  const { kind, reservationId, seatId, paymentId, userId, detail, repair, outcome } = mismatch;
  const fields = { kind, reservationId, seatId, paymentId, userId, repair: repair?.send, outcome };
  if (repair) logger.warn(fields, `reconciliation: ${kind}: ${detail}`);
  else logger.error(fields, `reconciliation: ${kind} (no safe repair): ${detail}`);
}
