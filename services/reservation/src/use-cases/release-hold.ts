import { newEvent, ReservationReleasedEvent, type ReservationStatus } from '@headliner/contracts';
import { BookingRefused } from '../domain/booking-refused';
import type { Database } from '../infra/database';
import type { SeatClaims } from '../infra/seat-claims';

/** released: the hold ended now; ended_before: it had ended already (a retry, or it lapsed). */
export type HoldRelease = 'released' | 'ended_before';

interface LockedReservation {
  user_id: string;
  schedule_id: string;
  seat_id: string;
  status: ReservationStatus;
}

/**
 * Ends the fan's unpaid hold at once: CANCELLED with reservation.released (CANCELLED), so the
 * catalogue shows the seat AVAILABLE, the fan's hold count drops and anyone may hold the seat
 * again (its claim is given up too). The row is locked as paying locks it, so a payment and a
 * release of one hold happen one after the other: a hold being paid for, or paid, is refused.
 */
export async function releaseHold(
  db: Database,
  claims: SeatClaims,
  userId: string,
  reservationId: string,
): Promise<HoldRelease> {
  const released = await db.$transaction(async (tx) => {
    const [hold] = await tx.$queryRaw<LockedReservation[]>`
      SELECT user_id, schedule_id, seat_id, status FROM reservations
      WHERE id = ${reservationId}::uuid FOR UPDATE`;
    if (!hold || hold.user_id !== userId) {
      throw new BookingRefused(
        'reservation-not-found',
        `You have no reservation ${reservationId}.`,
      );
    }
    if (hold.status === 'CONFIRMED') {
      throw new BookingRefused(
        'reservation-already-paid',
        `Reservation ${reservationId} is paid; cancel the booking instead.`,
      );
    }
    if (hold.status !== 'HELD') return undefined;
    // After the lock, as its own statement: it sees a payment committed while we waited.
    const [inFlight] = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM payments WHERE reservation_id = ${reservationId}::uuid AND status = 'REQUESTED'`;
    if (inFlight) {
      throw new BookingRefused(
        'payment-in-progress',
        `A payment for reservation ${reservationId} is in progress; it settles the hold either way.`,
      );
    }
    await tx.$executeRaw`
      UPDATE reservations SET status = 'CANCELLED', updated_at = now()
      WHERE id = ${reservationId}::uuid`;
    const event = newEvent(ReservationReleasedEvent, {
      reservationId,
      scheduleId: hold.schedule_id,
      seatId: hold.seat_id,
      userId,
      reason: 'CANCELLED',
    });
    await tx.publish(event);
    return hold;
  });
  if (!released) return 'ended_before';
  await claims.release(released.seat_id, reservationId);
  return 'released';
}
