import { randomUUID } from 'node:crypto';
import type { ReservationReleasedPayload } from '@headliner/contracts';
import { BookingRefused } from '../domain/booking-refused';
import type { Seat } from '../domain/seat';
import type { Transaction } from '../infra/database';
import { lockHoldsOf } from './hold-limit';
import { insertHold, publishHeld } from './place-hold';
import { assertOnSale } from './sale-state-lock';
import { lockWaitlistForOffer } from './waitlist-lock';

export interface OfferRules {
  /** WAITLIST_OFFER_SECONDS: how long the fan has to pay the hold made for them. */
  offerSeconds: number;
  maxHoldsPerUser: number;
}

export type SeatOffer =
  | { outcome: 'offered'; reservationId: string; userId: string; expiresAt: Date }
  /** Nobody else on the list, every fan on it at their hold limit, the seat held again already. */
  | { outcome: 'nobody_waiting' | 'nobody_eligible' | 'seat_taken' | 'sale_on_hold' };

interface Candidate {
  /** BIGINT, as pg reads it. */
  id: string;
  user_id: string;
}

const batchSize = 50;

/**
 * Holds the seat a release returned for the first fan on its schedule's waiting list who can take
 * it, for the offer window, with its reservation.held event, in the caller's transaction (the
 * consumer's, which records the release as applied with it: one offer per release, however often
 * Kafka delivers it). The fan leaves the list. The fan whose hold was released is not offered their
 * own seat back, and a fan at their hold limit keeps their place for a later seat. The hold is an
 * ordinary one: the seat's unique index, the hold limit, the sale state and the expiry all apply.
 */
export async function offerReturnedSeat(
  tx: Transaction,
  released: ReservationReleasedPayload,
  seatOf: (released: ReservationReleasedPayload) => Promise<Seat>,
  rules: OfferRules,
): Promise<SeatOffer> {
  await lockWaitlistForOffer(tx, released.scheduleId);
  let candidates = await nextCandidates(tx, released, '0');
  if (candidates.length === 0) return { outcome: 'nobody_waiting' };
  try {
    await assertOnSale(tx, released.scheduleId);
  } catch (error) {
    if (error instanceof BookingRefused) return { outcome: 'sale_on_hold' };
    throw error;
  }
  const seat = await seatOf(released);
  while (candidates.length > 0) {
    for (const { id, user_id: userId } of candidates) {
      if (await atHoldLimit(tx, userId, rules.maxHoldsPerUser)) continue;
      const reservationId = randomUUID();
      const hold = await insertHold(
        tx,
        reservationId,
        userId,
        seat,
        rules.offerSeconds,
        'WAITLIST_OFFER',
      );
      if (!hold) return { outcome: 'seat_taken' };
      await tx.$executeRaw`DELETE FROM waitlist_entries WHERE id = ${id}::bigint`;
      await publishHeld(tx, { reservationId, userId, seat, expiresAt: hold.expiresAt });
      return { outcome: 'offered', reservationId, userId, expiresAt: hold.expiresAt };
    }
    candidates = await nextCandidates(tx, released, candidates.at(-1)!.id);
  }
  return { outcome: 'nobody_eligible' };
}

function nextCandidates(
  tx: Transaction,
  released: ReservationReleasedPayload,
  after: string,
): Promise<Candidate[]> {
  return tx.$queryRaw<Candidate[]>`
    SELECT id, user_id FROM waitlist_entries
    WHERE schedule_id = ${released.scheduleId}::uuid AND user_id <> ${released.userId}::uuid
      AND id > ${after}::bigint
    ORDER BY id LIMIT ${batchSize}`;
}

/** Locks the fan's holds (see lockHoldsOf) until commit, then counts them. */
async function atHoldLimit(tx: Transaction, userId: string, maxHolds: number): Promise<boolean> {
  await lockHoldsOf(tx, userId);
  const [row] = await tx.$queryRaw<{ live: number }[]>`
    SELECT count(*)::int AS live FROM reservations
    WHERE user_id = ${userId}::uuid AND status = 'HELD' AND expires_at > now()`;
  return (row?.live ?? 0) >= maxHolds;
}
