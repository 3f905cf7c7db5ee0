import { newEvent, ReservationReleasedEvent } from '@headliner/contracts';
import { Prisma } from '../generated/prisma/client';
import type { Transaction } from '../infra/database';

/** One hold (its expiry job), the hold on one seat (a new hold for it), or a sweep batch. */
export type LapsedHolds = { reservationId: string } | { seatId: string } | { oldest: number };

interface ExpiredHold {
  id: string;
  user_id: string;
  schedule_id: string;
  seat_id: string;
}

const noPaymentInFlight = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM payments p WHERE p.reservation_id = r.id AND p.status = 'REQUESTED')`;

/**
 * Expires the lapsed holds that no payment is in flight for, each with a reservation.released
 * (EXPIRED) event, in the caller's transaction; returns their ids. A hold being paid for stays
 * HELD until the payment settles it.
 *
 * The rows are locked first and checked for payments by a later statement: under READ COMMITTED
 * only a statement that starts after the lock is granted sees a payment committed by the
 * transaction it waited for (a payment locks the same row before it is inserted).
 */
export async function expireLapsedHolds(tx: Transaction, which: LapsedHolds): Promise<string[]> {
  const locked = await lockLapsedHolds(tx, which);
  if (locked.length === 0) return [];

  const expired = await tx.$queryRaw<ExpiredHold[]>`
    UPDATE reservations r SET status = 'EXPIRED', updated_at = now()
    WHERE r.id = ANY(${locked.map((row) => row.id)}::uuid[]) AND r.status = 'HELD'
      AND ${noPaymentInFlight}
    RETURNING r.id, r.user_id, r.schedule_id, r.seat_id`;
  for (const hold of expired) {
    const released = newEvent(ReservationReleasedEvent, {
      reservationId: hold.id,
      scheduleId: hold.schedule_id,
      seatId: hold.seat_id,
      userId: hold.user_id,
      reason: 'EXPIRED',
    });
    await tx.publish(released);
  }
  return expired.map((hold) => hold.id);
}

function lockLapsedHolds(tx: Transaction, which: LapsedHolds): Promise<{ id: string }[]> {
  const lapsed = Prisma.sql`r.status = 'HELD' AND r.expires_at <= now() AND ${noPaymentInFlight}`;
  if ('reservationId' in which) {
    return tx.$queryRaw`SELECT r.id FROM reservations r
      WHERE r.id = ${which.reservationId}::uuid AND ${lapsed} FOR UPDATE`;
  }
  if ('seatId' in which) {
    return tx.$queryRaw`SELECT r.id FROM reservations r
      WHERE r.seat_id = ${which.seatId}::uuid AND ${lapsed} FOR UPDATE`;
  }
  // Oldest first, skipping rows a payment or another sweeper has locked: they are seen to anyway.
  return tx.$queryRaw`SELECT r.id FROM reservations r WHERE ${lapsed}
    ORDER BY r.expires_at LIMIT ${which.oldest} FOR UPDATE SKIP LOCKED`;
}
