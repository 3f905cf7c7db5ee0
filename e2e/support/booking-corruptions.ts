import type { System } from '@headliner/system';
import { inDatabase } from './in-database';

/** The catalogue shows the reservation's seat free, its counter moved as an event would. */
export function freeSeatOf(system: System, reservationId: string) {
  return inDatabase(system, 'concert', [
    `WITH seat AS (
       UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_at = NULL,
         version = version + 1
       WHERE reservation_id = $1 RETURNING schedule_id)
     UPDATE schedules SET available_seats = available_seats + 1, version = version + 1
     WHERE id = (SELECT schedule_id FROM seat)`,
    [reservationId],
  ]);
}

/** The catalogue shows a free seat taken (HELD or SOLD) by the reservation. */
export function takeSeatFor(
  system: System,
  seatId: string,
  reservationId: string,
  status: 'HELD' | 'SOLD',
) {
  return inDatabase(system, 'concert', [
    `WITH seat AS (
       UPDATE seats SET status = $3::"SeatStatus", reservation_id = $2,
         held_at = CASE WHEN $3 = 'HELD' THEN now() END, version = version + 1
       WHERE id = $1 AND status = 'AVAILABLE' RETURNING schedule_id)
     UPDATE schedules SET available_seats = available_seats - 1, version = version + 1
     WHERE id = (SELECT schedule_id FROM seat)`,
    [seatId, reservationId, status],
  ]);
}

/**
 * A sale the reservation service timed out after the wallet had debited it, its
 * payment.cancelled lost: the payment FAILED (TIMED_OUT), the hold CANCELLED, the seat free, and
 * the debit standing. Such a sale was never confirmed, so the wallet has no record of one.
 */
export async function timeOutSaleAfterDebit(system: System, reservationId: string) {
  await inDatabase(
    system,
    'reservation',
    [
      `UPDATE payments SET status = 'FAILED', failure_reason = 'TIMED_OUT', balance_after = NULL
       WHERE reservation_id = $1`,
      [reservationId],
    ],
    [`UPDATE reservations SET status = 'CANCELLED' WHERE id = $1`, [reservationId]],
  );
  await inDatabase(system, 'wallet', [
    'DELETE FROM confirmed_sales WHERE reservation_id = $1',
    [reservationId],
  ]);
  await freeSeatOf(system, reservationId);
}
