import {
  newEvent,
  PaymentCancelledEvent,
  ReservationReleasedEvent,
  type PaymentCancellationReason,
  wonOf,
} from '@headliner/contracts';
import { Prisma } from '../generated/prisma/client';
import type { Transaction } from '../infra/database';

export interface UnansweredPayments {
  /** A payment REQUESTED longer ago than this has waited too long for the wallet. */
  timeoutSeconds: number;
  /** At most this many, oldest first. */
  oldest: number;
}

/** A hold given up on with its payment: its seat is free again. */
export interface TimedOutHold {
  reservationId: string;
  seatId: string;
}

interface TimedOutPayment {
  id: string;
  reservation_id: string;
  user_id: string;
  /** BIGINT, as pg reads it. */
  amount: string;
}

interface CancelledHold {
  id: string;
  schedule_id: string;
  seat_id: string;
  user_id: string;
}

const reason: PaymentCancellationReason = 'TIMED_OUT';

/**
 * Gives up on payments the wallet has not answered in time (its consumer dead-lettered the
 * request, or it was down too long), so their seats are not stuck HELD: each payment FAILS
 * (TIMED_OUT), its hold is CANCELLED with reservation.released (PAYMENT_TIMED_OUT), and
 * payment.cancelled tells the wallet to refund the payment if it debited it and never to debit
 * it otherwise, all in the caller's transaction. A late answer then finds the payment settled and
 * is ignored as stale.
 *
 * Reservation rows are locked first, as paying and expiring do, then the payments; both with
 * SKIP LOCKED, so the sweep never waits: a row someone else has locked (an answer being recorded
 * locks the payment, then the reservation) is theirs to settle, and no deadlock can form.
 */
export async function timeOutUnansweredPayments(
  tx: Transaction,
  { timeoutSeconds, oldest }: UnansweredPayments,
): Promise<TimedOutHold[]> {
  // created_at is a timestamp without time zone, written in UTC: compare it as such, so the
  // partial index payments_requested_created_at_idx serves the sweep.
  const unanswered = Prisma.sql`p.status = 'REQUESTED'
    AND p.created_at <= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${timeoutSeconds}::int)`;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM reservations r JOIN payments p ON p.reservation_id = r.id
    WHERE r.status = 'HELD' AND ${unanswered}
    ORDER BY p.created_at LIMIT ${oldest}
    FOR UPDATE OF r SKIP LOCKED`;
  if (locked.length === 0) return [];

  const payments = await tx.$queryRaw<TimedOutPayment[]>`
    UPDATE payments SET status = 'FAILED', failure_reason = ${reason}, updated_at = now()
    WHERE id IN (SELECT p.id FROM payments p
      WHERE p.reservation_id = ANY(${locked.map((row) => row.id)}::uuid[]) AND ${unanswered}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, reservation_id, user_id, amount`;
  if (payments.length === 0) return [];

  const holds = await tx.$queryRaw<CancelledHold[]>`
    UPDATE reservations SET status = 'CANCELLED', updated_at = now()
    WHERE id = ANY(${payments.map((payment) => payment.reservation_id)}::uuid[])
      AND status = 'HELD'
    RETURNING id, schedule_id, seat_id, user_id`;
  const holdOf = new Map(holds.map((hold) => [hold.id, hold]));
  const timedOut: TimedOutHold[] = [];
  for (const payment of payments) {
    // Locked and HELD above, so always found; checked so a bug fails the sweep, not the data.
    const hold = holdOf.get(payment.reservation_id);
    if (!hold) throw new Error(`reservation ${payment.reservation_id} left HELD while timed out`);
    await recordTimeOut(tx, payment, hold);
    timedOut.push({ reservationId: hold.id, seatId: hold.seat_id });
  }
  return timedOut;
}

async function recordTimeOut(
  tx: Transaction,
  payment: TimedOutPayment,
  hold: CancelledHold,
): Promise<void> {
  const released = newEvent(ReservationReleasedEvent, {
    reservationId: hold.id,
    scheduleId: hold.schedule_id,
    seatId: hold.seat_id,
    userId: hold.user_id,
    reason: 'PAYMENT_TIMED_OUT',
  });
  await tx.publish(released);
  const cancelled = newEvent(PaymentCancelledEvent, {
    paymentId: payment.id,
    reservationId: payment.reservation_id,
    userId: payment.user_id,
    amount: wonOf(payment.amount),
    reason,
  });
  await tx.publish(cancelled);
}
