import type { PaymentCancelledPayload } from '@headliner/contracts';
import type { SqlTransaction } from '@headliner/platform/database';

/** Remembers a cancelled payment; false when its reservation's cancellation was seen before. */
export async function rememberCancellation(
  tx: SqlTransaction,
  cancellation: PaymentCancelledPayload,
): Promise<boolean> {
  const { reservationId, paymentId, userId, amount, reason } = cancellation;
  const remembered = await tx.$executeRaw`
    INSERT INTO payment_cancellations (reservation_id, payment_id, user_id, amount, reason)
    VALUES (${reservationId}::uuid, ${paymentId}::uuid, ${userId}::uuid, ${amount}::bigint,
      ${reason})
    ON CONFLICT (reservation_id) DO NOTHING`;
  return remembered === 1;
}
