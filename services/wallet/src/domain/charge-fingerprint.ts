import { createHash } from 'node:crypto';
import type { ChargeRequest } from '@headliner/contracts';

/**
 * Identifies a charge's body. It is stored with the ledger entry, so a retry under the same
 * Idempotency-Key can be told apart from a different request that reuses the key.
 */
export function chargeFingerprint(charge: ChargeRequest): string {
  // From the parsed fields rather than the raw bytes: whitespace and key order never matter.
  return createHash('sha256')
    .update(JSON.stringify({ amount: charge.amount }))
    .digest('hex');
}
