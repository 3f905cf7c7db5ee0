import {
  wonOf,
  type ReservationOrigin,
  type ReservationStatus,
  type ReservationView,
} from '@headliner/contracts';
import { Prisma } from '../generated/prisma/client';
import { cancellableUntil } from '../domain/cancellation-cutoff';
import { visibleStatus } from '../domain/visible-status';

/** When a schedule starts (the catalogue's seat map, cached) and the cutoff before it. */
export interface ScheduleStarts {
  startsAt(scheduleId: string): Promise<Date | undefined>;
  cutoffHours: number;
}

export interface ReservationRow {
  id: string;
  schedule_id: string;
  seat_id: string;
  status: ReservationStatus;
  expires_at: Date;
  created_at: Date;
  /** BIGINT, as pg reads it. */
  price: string;
  lapsed: boolean;
  payment_in_flight: boolean;
  origin: ReservationOrigin;
}

/** What a fan's view of a reservation reads, from `reservations r`. */
export const reservationColumns = Prisma.sql`r.id, r.schedule_id, r.seat_id, r.status,
  r.expires_at, r.created_at, r.price, r.origin::text AS origin, r.expires_at <= now() AS lapsed,
  EXISTS (SELECT 1 FROM payments p
    WHERE p.reservation_id = r.id AND p.status = 'REQUESTED') AS payment_in_flight`;

/** The reservation as its fan sees it; a confirmed one says until when it can be cancelled. */
export async function viewOf(
  row: ReservationRow,
  starts: ScheduleStarts,
): Promise<ReservationView> {
  const status = visibleStatus({
    status: row.status,
    lapsed: row.lapsed,
    paymentInFlight: row.payment_in_flight,
  });
  const startsAt = status === 'CONFIRMED' ? await starts.startsAt(row.schedule_id) : undefined;
  return {
    reservationId: row.id,
    scheduleId: row.schedule_id,
    seatId: row.seat_id,
    status,
    expiresAt: row.expires_at.toISOString(),
    price: wonOf(row.price),
    createdAt: row.created_at.toISOString(),
    origin: row.origin,
    ...(startsAt && {
      cancellableUntil: cancellableUntil(startsAt, starts.cutoffHours).toISOString(),
    }),
  };
}
