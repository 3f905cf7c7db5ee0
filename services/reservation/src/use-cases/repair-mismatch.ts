import {
  newEvent,
  PaymentCancelledEvent,
  ReservationConfirmedEvent,
  ReservationHeldEvent,
  ReservationReleasedEvent,
  wonOf,
} from '@headliner/contracts';
import type { Transaction } from '../infra/database';
import type { Repair } from '../domain/mismatch';

interface LockedReservation {
  id: string;
  user_id: string;
  schedule_id: string;
  seat_id: string;
  /** BIGINT, read as text by pg. */
  price: string;
  status: string;
  expires_at: Date;
  created_at: Date;
}

interface PaymentRow {
  id: string;
  status: string;
  /** BIGINT, read as text by pg. */
  amount: string;
  updated_at: Date;
}

/** Whether the repair's event was recorded, or the saga had moved on since the facts were read. */
export type RepairOutcome = 'sent' | 'moved_on';

/**
 * Records the repair's event in this service's outbox, in the caller's transaction, once the
 * reservation (locked, as paying, answering and expiring lock it) still stands where the facts
 * said: a saga that moved on since they were read is left to finish on its own. Every event is
 * one its consumer applies by state, so sending it twice changes nothing more than once.
 */
export async function repairMismatch(
  tx: Transaction,
  reservationId: string,
  repair: Repair,
): Promise<RepairOutcome> {
  const [reservation] = await tx.$queryRaw<LockedReservation[]>`
    SELECT id, user_id, schedule_id, seat_id, price, status::text AS status, expires_at, created_at
    FROM reservations WHERE id = ${reservationId}::uuid FOR UPDATE`;
  if (!reservation) return 'moved_on';
  // After the lock, as its own statement: it then sees a payment committed while we waited.
  const payments = await tx.$queryRaw<PaymentRow[]>`
    SELECT id, status::text AS status, amount, updated_at FROM payments
    WHERE reservation_id = ${reservationId}::uuid`;
  const completed = payments.find((payment) => payment.status === 'COMPLETED');
  const ended = reservation.status === 'EXPIRED' || reservation.status === 'CANCELLED';
  // After the lock too: a cancellation commits with the reservation's CANCELLED status.
  const [cancelledByFan] = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM booking_cancellations WHERE reservation_id = ${reservationId}::uuid`;
  const seat = {
    reservationId,
    scheduleId: reservation.schedule_id,
    seatId: reservation.seat_id,
    userId: reservation.user_id,
  };

  switch (repair.send) {
    case 'payment.cancelled': {
      const { paymentId, userId, amount, reason } = repair;
      if (reason === 'CANCELLED_BY_FAN') {
        if (!cancelledByFan || completed?.id !== paymentId) return 'moved_on';
      } else if (!ended || payments.some((payment) => payment.status !== 'FAILED')) {
        return 'moved_on';
      }
      const cancelled = { paymentId, reservationId, userId, amount, reason };
      await tx.publish(newEvent(PaymentCancelledEvent, cancelled));
      return 'sent';
    }
    case 'reservation.confirmed': {
      if (reservation.status !== 'CONFIRMED' || !completed) return 'moved_on';
      const confirmed = { ...seat, paymentId: completed.id, amount: wonOf(completed.amount) };
      // Dated when the sale happened: the queue ends only a session admitted before then, so
      // the fan's later visit keeps its token.
      const event = newEvent(ReservationConfirmedEvent, confirmed, completed.updated_at);
      await tx.publish(event);
      return 'sent';
    }
    case 'reservation.held': {
      if (reservation.status !== 'HELD') return 'moved_on';
      const expiresAt = reservation.expires_at.toISOString();
      const held = { ...seat, price: wonOf(reservation.price), expiresAt };
      // Dated when the hold began, as the first one was: the catalogue orders holds by it.
      const event = newEvent(ReservationHeldEvent, held, reservation.created_at);
      await tx.publish(event);
      return 'sent';
    }
    case 'reservation.released': {
      if (!ended || (completed && !cancelledByFan)) return 'moved_on';
      const reason = cancelledByFan
        ? 'BOOKING_CANCELLED'
        : reservation.status === 'EXPIRED'
          ? 'EXPIRED'
          : 'CANCELLED';
      const released = newEvent(ReservationReleasedEvent, { ...seat, reason });
      await tx.publish(released);
      return 'sent';
    }
  }
}
