import { createHash } from 'node:crypto';
import type { PaymentRequest } from '@headliner/contracts';

/** Fingerprint of a payment request, to tell a retry (same body) from a reused key. */
export function paymentRequestHash(request: PaymentRequest): string {
  return createHash('sha256')
    .update(JSON.stringify({ reservationId: request.reservationId }))
    .digest('hex');
}
