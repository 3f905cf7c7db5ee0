import {
  newEvent,
  ReservationConfirmedEvent,
  ReservationReleasedEvent,
  type PaymentCompletedPayload,
  type PaymentFailedPayload,
} from '@headliner/contracts';
import { NonRetriableError } from '@headliner/platform';
import { recordEvent, type EventTopics } from '../event-topics';
import { Prisma } from '../generated/prisma/client';
import type { Transaction } from '../infra/database';
import { paymentSagaDuration } from '../metrics';

interface SettledPayment {
  reservation_id: string;
  amount: number;
  saga_seconds: number;
}

interface SettledReservation {
  schedule_id: string;
  seat_id: string;
  user_id: string;
}

/** The hold an answer settled, or `stale` when its payment was no longer REQUESTED. */
export type Recorded = 'stale' | { reservationId: string; seatId: string };

// created_at is a timestamp without time zone, written in UTC.
const sagaSeconds = Prisma.sql`
  extract(epoch FROM clock_timestamp() - (created_at AT TIME ZONE 'UTC'))::float8 AS saga_seconds`;

/** The wallet debited the payment: it COMPLETES and its hold becomes a sale (CONFIRMED). */
export async function recordPaymentCompleted(
  tx: Transaction,
  topics: EventTopics,
  answer: PaymentCompletedPayload,
): Promise<Recorded> {
  const [payment] = await tx.$queryRaw<SettledPayment[]>`
    UPDATE payments SET status = 'COMPLETED', balance_after = ${answer.balance}, updated_at = now()
    WHERE id = ${answer.paymentId}::uuid AND reservation_id = ${answer.reservationId}::uuid
      AND status = 'REQUESTED'
    RETURNING reservation_id, amount, ${sagaSeconds}`;
  if (!payment) return 'stale';

  const reservation = await settleHold(tx, answer.paymentId, payment, 'CONFIRMED');
  const confirmed = newEvent(ReservationConfirmedEvent, {
    reservationId: payment.reservation_id,
    scheduleId: reservation.schedule_id,
    seatId: reservation.seat_id,
    userId: reservation.user_id,
    paymentId: answer.paymentId,
    amount: payment.amount,
  });
  await recordEvent(tx, topics.reservationConfirmed, confirmed);
  paymentSagaDuration.observe({ outcome: 'completed' }, payment.saga_seconds);
  return { reservationId: payment.reservation_id, seatId: reservation.seat_id };
}

/** The wallet refused the payment: it FAILS and its hold is CANCELLED, freeing the seat. */
export async function recordPaymentFailed(
  tx: Transaction,
  topics: EventTopics,
  answer: PaymentFailedPayload,
): Promise<Recorded> {
  const [payment] = await tx.$queryRaw<SettledPayment[]>`
    UPDATE payments SET status = 'FAILED', failure_reason = ${answer.reason}, updated_at = now()
    WHERE id = ${answer.paymentId}::uuid AND reservation_id = ${answer.reservationId}::uuid
      AND status = 'REQUESTED'
    RETURNING reservation_id, amount, ${sagaSeconds}`;
  if (!payment) return 'stale';

  const reservation = await settleHold(tx, answer.paymentId, payment, 'CANCELLED');
  const released = newEvent(ReservationReleasedEvent, {
    reservationId: payment.reservation_id,
    scheduleId: reservation.schedule_id,
    seatId: reservation.seat_id,
    userId: reservation.user_id,
    reason: 'PAYMENT_FAILED',
  });
  await recordEvent(tx, topics.reservationReleased, released);
  paymentSagaDuration.observe({ outcome: answer.reason.toLowerCase() }, payment.saga_seconds);
  return { reservationId: payment.reservation_id, seatId: reservation.seat_id };
}

async function settleHold(
  tx: Transaction,
  paymentId: string,
  payment: SettledPayment,
  status: 'CONFIRMED' | 'CANCELLED',
): Promise<SettledReservation> {
  const [reservation] = await tx.$queryRaw<SettledReservation[]>`
    UPDATE reservations SET status = ${status}::"ReservationStatus", updated_at = now()
    WHERE id = ${payment.reservation_id}::uuid AND status = 'HELD'
    RETURNING schedule_id, seat_id, user_id`;
  // A hold cannot lapse or be cancelled while its payment is REQUESTED, so this is a bug (for a
  // completed payment: money taken for a seat that is not the fan's). Park the answer in the
  // DLQ, with the payment still REQUESTED, for an operator.
  if (!reservation) {
    throw new NonRetriableError(
      `payment ${paymentId} was answered but reservation ${payment.reservation_id} is not HELD`,
    );
  }
  return reservation;
}
