import type { ReservationReleasedEvent, ReservationReleasedPayload } from '@headliner/contracts';
import { NonRetriableError, type Logger } from '@headliner/platform';
import type { Seat } from '../domain/seat';
import type { Transaction } from '../infra/database';
import type { HoldExpiryQueue } from '../infra/hold-expiry-queue';
import type { SeatCatalogue } from '../infra/seat-catalogue';
import { waitlistOffers } from '../metrics';
import { offerReturnedSeat, type OfferRules } from '../use-cases/offer-returned-seat';

export interface WaitlistOfferDeps {
  seats: Pick<SeatCatalogue, 'find'>;
  holdExpiry: Pick<HoldExpiryQueue, 'schedule'>;
  offerRules: OfferRules;
  logger: Logger;
}

/**
 * Handles this service's own reservation.released events, whatever released the seat (expiry,
 * a failed or timed-out payment, a cancellation): offers the seat to the schedule's waiting list.
 */
export function offerReleasedSeats(deps: WaitlistOfferDeps) {
  const { logger } = deps;
  const seatOf = async ({ scheduleId, seatId }: ReservationReleasedPayload): Promise<Seat> => {
    const seat = await deps.seats.find(scheduleId, seatId);
    if (!seat) throw new NonRetriableError(`the catalogue has no seat ${seatId} in ${scheduleId}`);
    return seat;
  };
  return async (event: ReservationReleasedEvent, tx: Transaction) => {
    const released = event.payload;
    if (await wasOffered(tx, released.reservationId)) {
      tx.afterCommit(() => waitlistOffers.inc({ outcome: 'lapsed' }));
    }
    const offer = await offerReturnedSeat(tx, released, seatOf, deps.offerRules);
    if (offer.outcome === 'nobody_waiting') return;
    tx.afterCommit(async () => {
      waitlistOffers.inc({ outcome: offer.outcome });
      const { scheduleId, seatId } = released;
      logger.info({ scheduleId, seatId, ...offer }, 'returned seat offered to the waiting list');
      if (offer.outcome !== 'offered') return;
      try {
        await deps.holdExpiry.schedule(offer.reservationId, offer.expiresAt);
      } catch (error) {
        logger.warn(
          { err: error, reservationId: offer.reservationId },
          'could not schedule the expiry job of an offered hold; the sweep will expire it',
        );
      }
    });
  };
}

async function wasOffered(tx: Transaction, reservationId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ offered: boolean }[]>`
    SELECT origin = 'WAITLIST_OFFER' AS offered FROM reservations WHERE id = ${reservationId}::uuid`;
  return row?.offered ?? false;
}
