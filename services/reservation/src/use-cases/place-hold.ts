import { randomUUID } from 'node:crypto';
import { newEvent, ReservationHeldEvent, type ReservationOrigin } from '@headliner/contracts';
import { BookingRefused } from '../domain/booking-refused';
import type { Seat } from '../domain/seat';
import type { Database, Transaction } from '../infra/database';
import type { SeatClaims } from '../infra/seat-claims';
import { expireLapsedHolds } from './expire-lapsed-holds';
import { assertWithinHoldLimit, lockHoldsOf } from './hold-limit';
import { assertOnSale } from './sale-state-lock';

export interface HoldRules {
  holdTtlSeconds: number;
  maxHoldsPerUser: number;
}

export interface PlacedHold {
  reservationId: string;
  expiresAt: Date;
  price: number;
  /** Lapsed holds on the seat that this hold expired on its way (their release is queued). */
  expiredHolds: string[];
}

/**
 * Holds a seat for a fan until expiresAt, with its reservation.held event, in one transaction.
 *
 * A seat has at most one live (HELD or CONFIRMED) reservation: the partial unique index
 * reservations_live_seat_key decides, through an insert that skips on conflict. A Redis claim
 * turns away most losing racers before they reach the database, and a lapsed hold still on the
 * seat is expired on the spot, so the seat is free the moment its hold ends, whether or not the
 * expiry job has run. bench/hold-contention.ts measured the alternatives. Refused while an
 * operator holds the schedule's sale.
 */
export async function placeHold(
  db: Database,
  claims: SeatClaims,
  rules: HoldRules,
  userId: string,
  seat: Seat,
): Promise<PlacedHold> {
  const reservationId = randomUUID();
  if (!(await claims.claim(seat.seatId, reservationId, rules.holdTtlSeconds * 1000))) {
    throw seatTaken(seat);
  }
  try {
    return await db.$transaction(async (tx) => {
      await assertOnSale(tx, seat.scheduleId);
      await lockHoldsOf(tx, userId);
      let hold = await insertHold(tx, reservationId, userId, seat, rules.holdTtlSeconds);
      let expiredHolds: string[] = [];
      if (!hold) {
        expiredHolds = await expireLapsedHolds(tx, { seatId: seat.seatId });
        if (expiredHolds.length > 0) {
          hold = await insertHold(tx, reservationId, userId, seat, rules.holdTtlSeconds);
        }
      }
      if (!hold) throw seatTaken(seat);
      assertWithinHoldLimit(hold.liveHolds, rules.maxHoldsPerUser);
      const { expiresAt } = hold;
      await publishHeld(tx, { reservationId, userId, seat, expiresAt });
      return { reservationId, expiresAt, price: seat.price, expiredHolds };
    });
  } catch (error) {
    await claims.release(seat.seatId, reservationId);
    throw error;
  }
}

interface InsertedHold {
  expiresAt: Date;
  /** The fan's live (HELD, not lapsed) holds, this one included. */
  liveHolds: number;
}

/**
 * The new hold, or undefined when the seat has a live reservation already. The count sees the
 * fan's holds committed before this statement began, which after lockHoldsOf is all of them;
 * not the row it inserts (one snapshot), hence the + 1.
 */
/** reservation.held in the hold's own transaction: the catalogue shows the seat HELD. */
export async function publishHeld(
  tx: Transaction,
  hold: { reservationId: string; userId: string; seat: Seat; expiresAt: Date },
): Promise<void> {
  const { reservationId, userId, seat, expiresAt } = hold;
  await tx.publish(
    newEvent(ReservationHeldEvent, {
      reservationId,
      scheduleId: seat.scheduleId,
      seatId: seat.seatId,
      userId,
      price: seat.price,
      expiresAt: expiresAt.toISOString(),
    }),
  );
}

export async function insertHold(
  tx: Transaction,
  reservationId: string,
  userId: string,
  seat: Seat,
  holdTtlSeconds: number,
  origin: ReservationOrigin = 'FAN',
): Promise<InsertedHold | undefined> {
  const [held] = await tx.$queryRaw<InsertedHold[]>`
    WITH held AS (
      INSERT INTO reservations
        (id, user_id, schedule_id, seat_id, price, status, expires_at, updated_at, origin)
      VALUES (${reservationId}::uuid, ${userId}::uuid, ${seat.scheduleId}::uuid,
        ${seat.seatId}::uuid, ${seat.price}, 'HELD',
        now() + make_interval(secs => ${holdTtlSeconds}), now(),
        ${origin}::"ReservationOrigin")
      ON CONFLICT (seat_id) WHERE status IN ('HELD', 'CONFIRMED') DO NOTHING
      RETURNING expires_at)
    SELECT expires_at AS "expiresAt",
      (SELECT count(*)::int FROM reservations
        WHERE user_id = ${userId}::uuid AND status = 'HELD' AND expires_at > now()) + 1
        AS "liveHolds"
    FROM held`;
  return held;
}

function seatTaken(seat: Seat): BookingRefused {
  return new BookingRefused(
    'seat-not-available',
    `Seat ${seat.seatId} is already held or sold; choose another seat.`,
  );
}
