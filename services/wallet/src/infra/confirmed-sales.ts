import type { ReservationConfirmedPayload } from '@headliner/contracts';
import type { SqlTransaction } from '@headliner/platform/database';

/**
 * Remembers a sale the reservation service confirmed, once per reservation; true when its debit
 * had been refunded already (a cancellation recorded before the confirmation).
 */
export async function rememberSale(
  tx: SqlTransaction,
  { reservationId, paymentId, userId, amount }: ReservationConfirmedPayload,
): Promise<{ refundedBefore: boolean }> {
  await tx.$executeRaw`
    INSERT INTO confirmed_sales (reservation_id, payment_id, user_id, amount)
    VALUES (${reservationId}::uuid, ${paymentId}::uuid, ${userId}::uuid, ${amount}::bigint)
    ON CONFLICT (reservation_id) DO NOTHING`;
  const [refund] = await tx.$queryRaw<{ refunded: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM ledger_entries
      WHERE user_id = ${userId}::uuid AND kind = 'REFUND' AND reference = ${reservationId})
      AS refunded`;
  return { refundedBefore: refund?.refunded ?? false };
}

/** Whether the reservation's sale was confirmed: its payment must not be refunded then. */
export async function saleConfirmed(tx: SqlTransaction, reservationId: string): Promise<boolean> {
  const [sale] = await tx.$queryRaw<{ confirmed: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM confirmed_sales WHERE reservation_id = ${reservationId}::uuid)
      AS confirmed`;
  return sale?.confirmed ?? false;
}
