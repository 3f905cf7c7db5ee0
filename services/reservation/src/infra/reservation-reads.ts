import { wonOf } from '@headliner/contracts';
import { Prisma } from '../generated/prisma/client';
import type { Database } from './database';
import type { PaymentFact, ReservationFact } from '../domain/booking-facts';

export interface ReservationReadOptions {
  graceSeconds: number;
  paymentTimeoutSeconds: number;
  /** Reservations the wallet or the catalogue name, whatever their status. */
  named: string[];
}

type ReservationRow = Omit<ReservationFact, 'payments' | 'settled'>;
type PaymentRow = PaymentFact & { reservationId: string };

// A ledger reference is text: one that is no reservation id names no reservation.
const isUuid = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const columns = Prisma.sql`id, user_id AS "userId", schedule_id AS "scheduleId", seat_id AS "seatId",
  status::text AS status, updated_at AS "updatedAt",
  EXISTS (SELECT 1 FROM booking_cancellations c WHERE c.reservation_id = reservations.id)
    AS "cancelledByFan"`;

/**
 * The reservations the reconciliation judges: every live one, every one with a payment, and
 * every one the other contexts name. created_at and updated_at are timestamps without time zone,
 * written in UTC.
 */
export async function readReservations(
  db: Database,
  { graceSeconds, paymentTimeoutSeconds, named }: ReservationReadOptions,
): Promise<Map<string, ReservationFact>> {
  const [{ cutoff } = { cutoff: new Date(0) }] = await db.$queryRaw<{ cutoff: Date }[]>`
    SELECT ((now() AT TIME ZONE 'UTC') - make_interval(secs => ${graceSeconds}::int))::timestamp
      AS cutoff`;
  // amount is BIGINT, read as text by pg.
  const payments = await db.$queryRaw<
    (Omit<PaymentRow, 'amount'> & { updatedAt: Date; amount: string })[]
  >`
    SELECT id, reservation_id AS "reservationId", status::text AS status,
      failure_reason AS "failureReason", amount, updated_at AS "updatedAt",
      status = 'REQUESTED' AND created_at <= (now() AT TIME ZONE 'UTC')
        - make_interval(secs => ${graceSeconds + paymentTimeoutSeconds}::int) AS overdue
    FROM payments`;
  const reservations = await db.$queryRaw<(ReservationRow & { updatedAt: Date })[]>`
    SELECT ${columns} FROM reservations
    WHERE status IN ('HELD', 'CONFIRMED')
      OR EXISTS (SELECT 1 FROM payments p WHERE p.reservation_id = reservations.id)`;
  // The few named elsewhere and not read yet (a seat still shown for a hold that lapsed unpaid,
  // say) are read by id; passing every named id would send the whole ledger as a parameter.
  const read = new Set(reservations.map((reservation) => reservation.id));
  const unread = [...new Set(named)].filter((id) => isUuid(id) && !read.has(id));
  if (unread.length > 0) {
    reservations.push(
      ...(await db.$queryRaw<(ReservationRow & { updatedAt: Date })[]>`
        SELECT ${columns} FROM reservations WHERE id = ANY(${unread}::uuid[])`),
    );
  }
  const byId = new Map<string, ReservationFact>();
  for (const { updatedAt, ...reservation } of reservations) {
    byId.set(reservation.id, { ...reservation, settled: updatedAt <= cutoff, payments: [] });
  }
  for (const { reservationId, updatedAt, amount, ...payment } of payments) {
    const reservation = byId.get(reservationId);
    if (!reservation) continue;
    reservation.payments.push({ ...payment, amount: wonOf(amount) });
    if (updatedAt > cutoff) reservation.settled = false;
  }
  return byId;
}
