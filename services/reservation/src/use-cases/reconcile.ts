import type { SqlDatabase } from '@headliner/platform/database';
import type { Database } from '../infra/database';
import { readShownSeats } from '../infra/catalogue-reads';
import { findMismatches } from '../domain/find-mismatches';
import type { Mismatch } from '../domain/mismatch';
import { repairMismatch, type RepairOutcome } from './repair-mismatch';
import { readReservations } from '../infra/reservation-reads';
import { readWalletLedger } from '../infra/wallet-reads';

export interface ReconciliationSources {
  /** This service's database: read, and the outbox the repairs' events go to. */
  reservation: Database;
  /** Read only. */
  wallet: SqlDatabase;
  /** Read only. */
  catalogue: SqlDatabase;
}

export interface ReconcileOptions {
  /** Facts that changed more recently than this may belong to a saga still in flight. */
  graceSeconds: number;
  /** PAYMENT_TIMEOUT_SECONDS: how long a payment may await the wallet. */
  paymentTimeoutSeconds: number;
  /** Send the repairs' events, or only report (a dry run). */
  repair: boolean;
}

/** A mismatch and what this run did about it: undefined when it has no safe repair. */
export type Reconciled = Mismatch & { outcome?: RepairOutcome | 'dry_run' };

/** `ran: false` when another replica (or an operator's run) held the lock. */
export type ReconciliationReport = { ran: false } | { ran: true; mismatches: Reconciled[] };

// One reconciliation at a time across replicas and operators' runs. The key's name never
// changes, or an old replica and a new one would reconcile side by side.
const lockKey = 'reservation.reconciliation';

/**
 * Reads the catalogue, the wallet and the reservations (in that order, see BookingFacts), finds
 * every disagreement older than the grace period, and sends the one safe repair of each that has
 * one. Holds a transaction-scoped advisory lock on this service's database for the run.
 */
export function reconcile(
  sources: ReconciliationSources,
  options: ReconcileOptions,
): Promise<ReconciliationReport> {
  return sources.reservation.$transaction(async (lock) => {
    const [claim] = await lock.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtext(${lockKey})) AS locked`;
    if (!claim?.locked) return { ran: false };

    const catalogue = await readShownSeats(sources.catalogue);
    const wallet = await readWalletLedger(sources.wallet, options.graceSeconds);
    const reservations = await readReservations(sources.reservation, {
      ...options,
      named: [...wallet.keys(), ...catalogue.byReservation.keys()],
    });
    const mismatches: Reconciled[] = [];
    for (const mismatch of findMismatches({ reservations, wallet, catalogue })) {
      mismatches.push({ ...mismatch, outcome: await repairOf(mismatch) });
    }
    return { ran: true, mismatches };
  });

  async function repairOf({ repair, reservationId }: Mismatch) {
    if (!repair) return undefined;
    if (!options.repair) return 'dry_run';
    return sources.reservation.$transaction((tx) => repairMismatch(tx, reservationId, repair));
  }
}
