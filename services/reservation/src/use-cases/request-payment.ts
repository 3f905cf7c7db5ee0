import { randomUUID } from 'node:crypto';
import {
  newEvent,
  PaymentRequestedEvent,
  wonOf,
  type ReservationStatus,
} from '@headliner/contracts';
import { BookingRefused } from '../domain/booking-refused';
import { assertPayable } from '../domain/payability';
import { paymentRequestHash } from '../domain/payment-request-hash';
import type { Database, Transaction } from '../infra/database';
import { isUniqueViolation } from '@headliner/platform/database';

export interface PaymentAttempt {
  userId: string;
  reservationId: string;
  idempotencyKey: string;
}

export interface RequestedPayment {
  paymentId: string;
  reservationId: string;
  amount: number;
  /** The key was used before with the same request: this is that payment, not a new one. */
  replayed: boolean;
}

/**
 * Starts paying for a held seat: a REQUESTED payment of the held price and its
 * payment.requested event, in one transaction, or the earlier payment made with the same
 * Idempotency-Key. The reservation row stays locked until commit, which serialises this with
 * other payments for it and with its expiry (see expireLapsedHolds).
 */
export async function requestPayment(
  db: Database,
  attempt: PaymentAttempt,
): Promise<RequestedPayment> {
  try {
    return await db.$transaction((tx) => paymentOrReplay(tx, attempt));
  } catch (error) {
    // Two first uses of one key for different reservations raced past each other's lookup;
    // a second pass finds the winner and answers as for any reuse.
    if (!isUniqueViolation(error)) throw error;
    return db.$transaction((tx) => paymentOrReplay(tx, attempt));
  }
}

async function paymentOrReplay(
  tx: Transaction,
  { userId, reservationId, idempotencyKey }: PaymentAttempt,
): Promise<RequestedPayment> {
  const requestHash = paymentRequestHash({ reservationId });
  const [reservation] = await tx.$queryRaw<LockedReservation[]>`
    SELECT user_id AS "userId", status, price, expires_at <= now() AS lapsed
    FROM reservations WHERE id = ${reservationId}::uuid FOR UPDATE`;

  // After the lock, as its own statement, so it sees a payment committed while we waited.
  const payments = await tx.$queryRaw<KnownPayment[]>`
    SELECT id, reservation_id AS "reservationId", amount, status, request_hash AS "requestHash",
      (user_id = ${userId}::uuid AND idempotency_key = ${idempotencyKey}) AS "sameKey"
    FROM payments
    WHERE (user_id = ${userId}::uuid AND idempotency_key = ${idempotencyKey})
      OR (reservation_id = ${reservationId}::uuid AND status IN ('REQUESTED', 'COMPLETED'))`;
  const earlier = payments.find((payment) => payment.sameKey);
  if (earlier) {
    if (earlier.requestHash !== requestHash) {
      throw new BookingRefused(
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different payment; use a new key.',
      );
    }
    const { id: paymentId, amount } = earlier;
    return {
      paymentId,
      reservationId: earlier.reservationId,
      amount: wonOf(amount),
      replayed: true,
    };
  }

  assertPayable(reservationId, userId, reservation, payments[0]?.status);

  const paymentId = randomUUID();
  const amount = wonOf(reservation.price);
  await tx.$executeRaw`
    INSERT INTO payments
      (id, reservation_id, user_id, amount, status, idempotency_key, request_hash, updated_at)
    VALUES (${paymentId}::uuid, ${reservationId}::uuid, ${userId}::uuid, ${amount}, 'REQUESTED',
      ${idempotencyKey}, ${requestHash}, now())`;
  const requested = newEvent(PaymentRequestedEvent, { paymentId, reservationId, userId, amount });
  await tx.publish(requested);
  return { paymentId, reservationId, amount, replayed: false };
}

interface LockedReservation {
  userId: string;
  status: ReservationStatus;
  /** BIGINT, as pg reads it. */
  price: string;
  lapsed: boolean;
}

/** This key's earlier payment, and the reservation's live (REQUESTED or COMPLETED) one. */
interface KnownPayment {
  id: string;
  reservationId: string;
  /** BIGINT, as pg reads it. */
  amount: string;
  status: 'REQUESTED' | 'COMPLETED' | 'FAILED';
  requestHash: string;
  sameKey: boolean;
}
