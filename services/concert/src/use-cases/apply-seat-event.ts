import { NonRetriableError } from '@headliner/platform';
import type { AvailabilityChange, SeatStatusChange } from '../infra/catalogue-cache';
import {
  availableSeatsChange,
  releaseArrivedFirst,
  seatAfter,
  type SeatEvent,
  type SeatOccupancy,
} from '../domain/seat-transitions';
import type { SqlTransaction } from '@headliner/platform/database';
import { rememberRelease, wasReleased } from '../infra/released-reservations';

export interface SeatEventOutcome {
  before: SeatOccupancy;
  /** Absent when the event changed nothing (a replay, or older than what the seat shows). */
  seat?: SeatStatusChange;
  /** Absent unless the schedule's count of available seats moved. */
  availability?: AvailabilityChange;
}

interface LockedSeat extends SeatOccupancy {
  scheduleId: string;
}

/**
 * Applies one reservation event to its seat inside the inbox transaction. The seat row is locked
 * first, so consumers racing on the same seat apply one after the other (a hold and its early
 * release included: whichever is second sees what the first wrote), and the schedule's counter
 * moves only when the seat row really changed: replays can never count twice.
 */
export async function applySeatEvent(
  tx: SqlTransaction,
  seatId: string,
  event: SeatEvent,
): Promise<SeatEventOutcome> {
  const [before] = await tx.$queryRaw<LockedSeat[]>`
    SELECT schedule_id AS "scheduleId", status::text AS status,
           reservation_id AS "reservationId", held_at AS "heldAt"
    FROM seats WHERE id = ${seatId}::uuid FOR UPDATE`;
  // The reservation service holds only seats it looked up here: park the event for a human.
  if (!before) throw new NonRetriableError(`reservation event for unknown seat ${seatId}`);

  const releasedAlready = event.kind !== 'released' && (await wasReleased(tx, event.reservationId));
  const after = seatAfter(before, event, releasedAlready);
  if (event.kind === 'released' && releaseArrivedFirst(before, event)) {
    await rememberRelease(tx, seatId, event);
  }
  if (!after) return { before };
  // Raw SQL on pg, as for every statement here: through Prisma's client a statement cost several
  // times the CPU, and each booking brings this consumer two or three events.
  const [updated] = await tx.$queryRaw<{ version: number }[]>`
    UPDATE seats
    SET status = ${after.status}::"SeatStatus", reservation_id = ${after.reservationId}::uuid,
        held_at = ${after.heldAt}::timestamptz, version = version + 1
    WHERE id = ${seatId}::uuid
    RETURNING version`;
  if (!updated) throw new Error(`seat ${seatId} vanished while locked`);
  const seat = { scheduleId: before.scheduleId, seatId, status: after.status, ...updated };

  const change = availableSeatsChange(before.status, after.status);
  if (change === 0) return { before, seat };
  const [schedule] = await tx.$queryRaw<Omit<AvailabilityChange, 'scheduleId'>[]>`
    UPDATE schedules
    SET available_seats = available_seats + ${change}, version = version + 1
    WHERE id = ${before.scheduleId}::uuid
    RETURNING concert_id AS "concertId", available_seats AS "availableSeats", version`;
  if (!schedule) throw new Error(`schedule ${before.scheduleId} of seat ${seatId} is missing`);
  return { before, seat, availability: { scheduleId: before.scheduleId, ...schedule } };
}
