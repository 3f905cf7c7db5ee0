import {
  wonOf,
  type ReservationOrigin,
  type ReservationStatus,
  type ReservationView,
} from '@headliner/contracts';
import { visibleStatus } from '../domain/visible-status';
import type { Database } from '../infra/database';

interface ReservationRow {
  schedule_id: string;
  seat_id: string;
  status: ReservationStatus;
  expires_at: Date;
  /** BIGINT, as pg reads it. */
  price: string;
  lapsed: boolean;
  payment_in_flight: boolean;
  origin: ReservationOrigin;
}

/** One of the fan's reservations as they see it, or undefined if they have none by that id. */
export async function findReservation(
  db: Database,
  userId: string,
  reservationId: string,
): Promise<ReservationView | undefined> {
  const [row] = await db.$queryRaw<ReservationRow[]>`
    SELECT r.schedule_id, r.seat_id, r.status, r.expires_at, r.price, r.origin::text AS origin,
      r.expires_at <= now() AS lapsed,
      EXISTS (SELECT 1 FROM payments p
        WHERE p.reservation_id = r.id AND p.status = 'REQUESTED') AS payment_in_flight
    FROM reservations r WHERE r.id = ${reservationId}::uuid AND r.user_id = ${userId}::uuid`;
  if (!row) return undefined;
  return {
    reservationId,
    scheduleId: row.schedule_id,
    seatId: row.seat_id,
    status: visibleStatus({
      status: row.status,
      lapsed: row.lapsed,
      paymentInFlight: row.payment_in_flight,
    }),
    expiresAt: row.expires_at.toISOString(),
    price: wonOf(row.price),
    origin: row.origin,
  };
}
