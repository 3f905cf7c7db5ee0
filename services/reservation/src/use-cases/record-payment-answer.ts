import {
  newEvent,
  ReservationConfirmedEvent,
  ReservationReleasedEvent,
  type PaymentCompletedPayload,
  type PaymentFailedPayload,
  wonOf,
} from '@headliner/contracts';
import { NonRetriableError } from '@headliner/platform';
import { Prisma } from '../generated/prisma/client';
import type { Transaction } from '../infra/database';
import { paymentSagaDuration } from '../metrics';

/** A payment the answer settled, and its hold. */
interface Settlement {
  reservation_id: string;
  /** BIGINT, as pg reads it. */
  amount: string;
  saga_seconds: number;
  /** Null when the hold was not HELD (see settle). */
  schedule_id: string | null;
  seat_id: string | null;
  user_id: string | null;
}

/** The hold an answer settled, or `stale` when its payment was no longer REQUESTED. */
export type Recorded = 'stale' | { reservationId: string; seatId: string };

// created_at is a timestamp without time zone, written in UTC.
const sagaSeconds = Prisma.sql`
  extract(epoch FROM clock_timestamp() - (created_at AT TIME ZONE 'UTC'))::float8 AS saga_seconds`;

/** The wallet debited the payment: it COMPLETES and its hold becomes a sale (CONFIRMED). */
export async function recordPaymentCompleted(
  tx: Transaction,
  answer: PaymentCompletedPayload,
): Promise<Recorded> {
  const payment = Prisma.sql`status = 'COMPLETED', balance_after = ${answer.balance}`;
  const settled = await settle(tx, answer, payment, 'CONFIRMED');
  if (!settled) return 'stale';

  const confirmed = newEvent(ReservationConfirmedEvent, {
    reservationId: settled.reservationId,
    scheduleId: settled.scheduleId,
    seatId: settled.seatId,
    userId: settled.userId,
    paymentId: answer.paymentId,
    amount: settled.amount,
  });
  await tx.publish(confirmed);
  paymentSagaDuration.observe({ outcome: 'completed' }, settled.sagaSeconds);
  return { reservationId: settled.reservationId, seatId: settled.seatId };
}

/** The wallet refused the payment: it FAILS and its hold is CANCELLED, freeing the seat. */
export async function recordPaymentFailed(
  tx: Transaction,
  answer: PaymentFailedPayload,
): Promise<Recorded> {
  const payment = Prisma.sql`status = 'FAILED', failure_reason = ${answer.reason}`;
  const settled = await settle(tx, answer, payment, 'CANCELLED');
  if (!settled) return 'stale';

  const released = newEvent(ReservationReleasedEvent, {
    reservationId: settled.reservationId,
    scheduleId: settled.scheduleId,
    seatId: settled.seatId,
    userId: settled.userId,
    reason: 'PAYMENT_FAILED',
  });
  await tx.publish(released);
  paymentSagaDuration.observe({ outcome: answer.reason.toLowerCase() }, settled.sagaSeconds);
  return { reservationId: settled.reservationId, seatId: settled.seatId };
}

/**
 * Settles a REQUESTED payment and its HELD hold in one statement (payment row first, then the
 * hold, as before). Undefined when the payment was not REQUESTED any more.
 */
async function settle(
  tx: Transaction,
  { paymentId, reservationId }: { paymentId: string; reservationId: string },
  paymentChange: Prisma.Sql,
  holdStatus: 'CONFIRMED' | 'CANCELLED',
) {
  const [settled] = await tx.$queryRaw<Settlement[]>`
    WITH payment AS (
      UPDATE payments SET ${paymentChange}, updated_at = now()
      WHERE id = ${paymentId}::uuid AND reservation_id = ${reservationId}::uuid
        AND status = 'REQUESTED'
      RETURNING reservation_id, amount, ${sagaSeconds}),
    hold AS (
      UPDATE reservations SET status = ${holdStatus}::"ReservationStatus", updated_at = now()
      WHERE id = (SELECT reservation_id FROM payment) AND status = 'HELD'
      RETURNING schedule_id, seat_id, user_id)
    SELECT payment.*, hold.* FROM payment LEFT JOIN hold ON true`;
  if (!settled) return undefined;
  const { schedule_id: scheduleId, seat_id: seatId, user_id: userId } = settled;
  // A hold cannot lapse or be cancelled while its payment is REQUESTED, so this is a bug (for a
  // completed payment: money taken for a seat that is not the fan's). Park the answer in the
  // DLQ, with the payment still REQUESTED (this transaction rolls back), for an operator.
  if (!scheduleId || !seatId || !userId) {
    throw new NonRetriableError(
      `payment ${paymentId} was answered but reservation ${reservationId} is not HELD`,
    );
  }
  return {
    reservationId: settled.reservation_id,
    amount: wonOf(settled.amount),
    sagaSeconds: settled.saga_seconds,
    scheduleId,
    seatId,
    userId,
  };
}
