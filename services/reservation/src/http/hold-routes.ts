import {
  apiRoutes,
  expressPath,
  HoldSeatRequest,
  ReservationPath,
  type SeatHold,
} from '@headliner/contracts';
import { signedInUser, validate } from '@headliner/platform';
import { Router } from 'express';
import { BookingRefused } from '../domain/booking-refused';
import { findReservation } from '../use-cases/find-reservation';
import { placeHold, type PlacedHold } from '../use-cases/place-hold';
import { holdOutcomes, holdsExpired } from '../metrics';
import { admittedFan } from './admitted-fan';
import { outcomeLabel } from './outcome-label';
import { scheduleStartsOf, type RouteDeps } from './route-deps';

export function holdRoutes(deps: RouteDeps): Router {
  const router = Router();

  const holdSeat = validate({ body: HoldSeatRequest });
  router.post(expressPath(apiRoutes.holdSeat), holdSeat, async (_req, res) => {
    const { body } = holdSeat.input(res);
    const userId = admittedFan(res, body.scheduleId).sub;
    const hold = await countedByOutcome(async () => {
      const seat = await deps.seats.find(body.scheduleId, body.seatId);
      if (!seat) {
        throw new BookingRefused(
          'seat-not-found',
          `There is no seat ${body.seatId} in schedule ${body.scheduleId}.`,
        );
      }
      return placeHold(deps.db, deps.claims, deps.holdRules, userId, seat);
    });
    holdsExpired.inc({ by: 'new_hold' }, hold.expiredHolds.length);
    await scheduleExpiry(deps, hold);
    const answer: SeatHold = {
      reservationId: hold.reservationId,
      status: 'HELD',
      expiresAt: hold.expiresAt.toISOString(),
      price: hold.price,
    };
    res.status(201).json(answer);
  });

  const readReservation = validate({ params: ReservationPath });
  router.get(expressPath(apiRoutes.getReservation), readReservation, async (_req, res) => {
    const { params } = readReservation.input(res);
    const userId = signedInUser(res).sub;
    const reservation = await findReservation(
      deps.db,
      scheduleStartsOf(deps),
      userId,
      params.reservationId,
    );
    if (!reservation) {
      throw new BookingRefused(
        'reservation-not-found',
        `You have no reservation ${params.reservationId}.`,
      );
    }
    res.json(reservation);
  });

  return router;
}

async function countedByOutcome(place: () => Promise<PlacedHold>): Promise<PlacedHold> {
  try {
    const hold = await place();
    holdOutcomes.inc({ outcome: 'held' });
    return hold;
  } catch (error) {
    holdOutcomes.inc({ outcome: outcomeLabel(error) });
    throw error;
  }
}

// The hold is committed whatever happens here. Without the job, new holds on the seat and reads
// of the reservation still see the hold end on time; the sweep emits its release later.
async function scheduleExpiry(deps: RouteDeps, hold: PlacedHold): Promise<void> {
  try {
    await deps.holdExpiry.schedule(hold.reservationId, hold.expiresAt);
  } catch (error) {
    deps.logger.warn(
      { err: error, reservationId: hold.reservationId },
      'could not schedule the expiry job of a hold; the sweep will expire it',
    );
  }
}
