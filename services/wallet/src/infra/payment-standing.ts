import type { PaymentRequestedPayload } from '@headliner/contracts';
import type { SqlTransaction } from '@headliner/platform/database';

/** What the wallet did about a payment request's reservation before. */
export interface PaymentStanding {
  /** The reservation service cancelled its payment (payment_cancellations). */
  cancelled: boolean;
  /** It was debited once already: a reservation is debited at most once. */
  debited: boolean;
}

/**
 * Both in one read. It must come after lockWallet, as its own statement: its snapshot then
 * includes a cancellation or debit committed while this transaction waited for the lock.
 */
export async function paymentStanding(
  tx: SqlTransaction,
  { userId, reservationId }: PaymentRequestedPayload,
): Promise<PaymentStanding> {
  const [standing] = await tx.$queryRaw<PaymentStanding[]>`
    SELECT
      EXISTS (SELECT 1 FROM payment_cancellations
        WHERE reservation_id = ${reservationId}::uuid) AS cancelled,
      EXISTS (SELECT 1 FROM ledger_entries
        WHERE user_id = ${userId}::uuid AND kind = 'DEBIT' AND reference = ${reservationId}) AS debited`;
  return standing ?? { cancelled: false, debited: false };
}
