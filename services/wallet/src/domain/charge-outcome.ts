export type ChargeOutcome =
  | { outcome: 'charged'; balance: number }
  | { outcome: 'replayed'; balance: number }
  | { outcome: 'key_reused' }
  /** The charge would take the balance past the maximum: nothing was written. */
  | { outcome: 'over_maximum'; balance: number }
  /** The charge would take the day's charges past the daily cap: nothing was written. */
  | { outcome: 'over_daily_cap'; charged: number; resetsAt: Date };

/** The charge an Idempotency-Key already recorded, as its ledger entry keeps it. */
export interface EarlierCharge {
  requestHash: string | null;
  balanceAfter: number;
}

/**
 * A retry with the same key and body gets the first answer again; the same key with another
 * body is a different request, which must not be mistaken for a retry.
 */
export function replayOf(earlier: EarlierCharge, fingerprint: string): ChargeOutcome {
  if (earlier.requestHash !== fingerprint) return { outcome: 'key_reused' };
  return { outcome: 'replayed', balance: earlier.balanceAfter };
}
