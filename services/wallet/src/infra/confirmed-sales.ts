import type { ReservationConfirmedPayload } from '@headliner/contracts';
import type { SqlTransaction } from '@headliner/platform/database';

/**
 * Remembers a sale the reservation service confirmed, once per reservation, and says whether its
 * debit had been refunded already (a cancellation recorded before the confirmation) and whether
 * the fan had cancelled the booking.
 */
export async function rememberSale(
  tx: SqlTransaction,
  { reservationId, paymentId, userId, amount }: ReservationConfirmedPayload,
): Promise<{ refundedBefore: boolean; cancelledByFan: boolean }> {
  await tx.$executeRaw`
    INSERT INTO confirmed_sales (reservation_id, payment_id, user_id, amount)
    VALUES (${reservationId}::uuid, ${paymentId}::uuid, ${userId}::uuid, ${amount}::bigint)
    ON CONFLICT (reservation_id) DO NOTHING`;
  const [refund] = await tx.$queryRaw<{ refunded: boolean; cancelled_by_fan: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM ledger_entries
      WHERE user_id = ${userId}::uuid AND kind = 'REFUND' AND reference = ${reservationId})
      AS refunded,
      EXISTS (SELECT 1 FROM payment_cancellations
        WHERE reservation_id = ${reservationId}::uuid AND reason = 'CANCELLED_BY_FAN')
      AS cancelled_by_fan`;
  return {
    refundedBefore: refund?.refunded ?? false,
    cancelledByFan: refund?.cancelled_by_fan ?? false,
  };
}

/** Whether the reservation's sale was confirmed: its payment must not be refunded then. */
export async function saleConfirmed(tx: SqlTransaction, reservationId: string): Promise<boolean> {
  const [sale] = await tx.$queryRaw<{ confirmed: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM confirmed_sales WHERE reservation_id = ${reservationId}::uuid)
      AS confirmed`;
  return sale?.confirmed ?? false;
}
