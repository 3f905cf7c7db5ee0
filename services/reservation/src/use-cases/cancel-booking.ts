import {
  newEvent,
  PaymentCancelledEvent,
  ReservationReleasedEvent,
  wonOf,
  type ReservationStatus,
} from '@headliner/contracts';
import { isUniqueViolation } from '@headliner/platform/database';
import { BookingRefused } from '../domain/booking-refused';
import { beforeCutoff, cancellableUntil } from '../domain/cancellation-cutoff';
import type { Database, Transaction } from '../infra/database';
import type { SeatClaims } from '../infra/seat-claims';
import type { ScheduleStarts } from './reservation-view';

export interface CancellationAttempt {
  userId: string;
  reservationId: string;
  idempotencyKey: string;
}

export interface CancelledBooking {
  reservationId: string;
  paymentId: string;
  amount: number;
  cancelledAt: Date;
  /** Cancelled before this request (a retry, or a duplicate racing it): nothing happened now. */
  replayed: boolean;
}

interface Cancellation {
  reservation_id: string;
  payment_id: string;
  /** BIGINT, as pg reads it. */
  amount: string;
  cancelled_at: Date;
}

interface LockedBooking {
  user_id: string;
  schedule_id: string;
  seat_id: string;
  status: ReservationStatus;
}

/**
 * Cancels the fan's confirmed booking before its cutoff, in one transaction: the reservation
 * becomes CANCELLED, reservation.released (BOOKING_CANCELLED) puts the seat back on sale and
 * payment.cancelled (CANCELLED_BY_FAN) has the wallet refund the payment, once per reservation.
 * A booking is cancelled at most once: a retry, or a duplicate that waited on the row lock,
 * answers the first cancellation, whatever the time; the same Idempotency-Key for another
 * booking is refused. Only a CONFIRMED reservation cancels, so a payment still in flight (its
 * hold locked as this locks it) is never overtaken.
 */
export async function cancelBooking(
  db: Database,
  claims: SeatClaims,
  starts: ScheduleStarts,
  attempt: CancellationAttempt,
): Promise<CancelledBooking> {
  // The schedule never changes, so its start is looked up (at most one catalogue call, cached)
  // before any row is locked.
  const [booking] = await db.$queryRaw<{ schedule_id: string }[]>`
    SELECT schedule_id FROM reservations
    WHERE id = ${attempt.reservationId}::uuid AND user_id = ${attempt.userId}::uuid`;
  if (!booking) throw notFound(attempt.reservationId);
  const startsAt = await starts.startsAt(booking.schedule_id);
  const cutoff = { startsAt, cutoffHours: starts.cutoffHours };
  const cancel = (tx: Transaction) => cancelOrReplay(tx, attempt, cutoff);
  let cancelled: CancelledBooking & { seatId?: string };
  try {
    cancelled = await db.$transaction(cancel);
  } catch (error) {
    // Two first uses of one key for different bookings raced past each other's lookup; a
    // second pass finds the winner and answers as for any reuse.
    if (!isUniqueViolation(error)) throw error;
    cancelled = await db.$transaction(cancel);
  }
  const { seatId, ...answer } = cancelled;
  if (seatId) await claims.release(seatId, attempt.reservationId);
  return answer;
}

async function cancelOrReplay(
  tx: Transaction,
  { userId, reservationId, idempotencyKey }: CancellationAttempt,
  cutoff: { startsAt: Date | undefined; cutoffHours: number },
): Promise<CancelledBooking & { seatId?: string }> {
  const [byKey] = await tx.$queryRaw<Cancellation[]>`
    SELECT reservation_id, payment_id, amount, cancelled_at FROM booking_cancellations
    WHERE user_id = ${userId}::uuid AND idempotency_key = ${idempotencyKey}`;
  if (byKey && byKey.reservation_id !== reservationId) {
    throw new BookingRefused(
      'idempotency-key-reused',
      'This Idempotency-Key was already used to cancel another booking; use a new key.',
    );
  }
  if (byKey) return answerOf(byKey, true);

  const [booking] = await tx.$queryRaw<LockedBooking[]>`
    SELECT user_id, schedule_id, seat_id, status FROM reservations
    WHERE id = ${reservationId}::uuid FOR UPDATE`;
  if (!booking || booking.user_id !== userId) throw notFound(reservationId);
  // After the lock, as its own statement: it sees a cancellation committed while we waited.
  const [earlier] = await tx.$queryRaw<Cancellation[]>`
    SELECT reservation_id, payment_id, amount, cancelled_at FROM booking_cancellations
    WHERE reservation_id = ${reservationId}::uuid`;
  if (earlier) return answerOf(earlier, true);

  if (booking.status !== 'CONFIRMED') {
    const advice = booking.status === 'HELD' ? ' An unpaid hold is released with DELETE.' : '';
    throw new BookingRefused(
      'booking-not-confirmed',
      `Reservation ${reservationId} is ${booking.status}: only a confirmed booking can be cancelled.${advice}`,
    );
  }
  const { startsAt, cutoffHours } = cutoff;
  if (!startsAt || !beforeCutoff(startsAt, cutoffHours, new Date())) {
    const until = startsAt ? cancellableUntil(startsAt, cutoffHours).toISOString() : 'its start';
    throw new BookingRefused(
      'cancellation-cutoff',
      `Booking ${reservationId} could be cancelled until ${until}, ${cutoffHours} hours before the show.`,
    );
  }

  const [payment] = await tx.$queryRaw<{ id: string; amount: string }[]>`
    SELECT id, amount FROM payments
    WHERE reservation_id = ${reservationId}::uuid AND status = 'COMPLETED'`;
  // A confirmed reservation always has its completed payment (recordPaymentCompleted).
  if (!payment) throw new Error(`confirmed reservation ${reservationId} has no completed payment`);

  await tx.$executeRaw`
    UPDATE reservations SET status = 'CANCELLED', updated_at = now()
    WHERE id = ${reservationId}::uuid`;
  const [cancellation] = await tx.$queryRaw<Cancellation[]>`
    INSERT INTO booking_cancellations
      (reservation_id, user_id, payment_id, amount, idempotency_key)
    VALUES (${reservationId}::uuid, ${userId}::uuid, ${payment.id}::uuid, ${payment.amount}::bigint,
      ${idempotencyKey})
    RETURNING reservation_id, payment_id, amount, cancelled_at`;
  if (!cancellation) throw new Error(`the cancellation of ${reservationId} was not recorded`);
  const seat = { reservationId, scheduleId: booking.schedule_id, seatId: booking.seat_id, userId };
  await tx.publish(newEvent(ReservationReleasedEvent, { ...seat, reason: 'BOOKING_CANCELLED' }));
  const refund = {
    paymentId: payment.id,
    reservationId,
    userId,
    amount: wonOf(payment.amount),
    reason: 'CANCELLED_BY_FAN',
  } as const;
  await tx.publish(newEvent(PaymentCancelledEvent, refund));
  return { ...answerOf(cancellation, false), seatId: booking.seat_id };
}

function answerOf(cancellation: Cancellation, replayed: boolean): CancelledBooking {
  return {
    reservationId: cancellation.reservation_id,
    paymentId: cancellation.payment_id,
    amount: wonOf(cancellation.amount),
    cancelledAt: cancellation.cancelled_at,
    replayed,
  };
}

function notFound(reservationId: string): BookingRefused {
  return new BookingRefused('reservation-not-found', `You have no reservation ${reservationId}.`);
}
