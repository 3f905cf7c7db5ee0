import {
  apiRoutes,
  expressPath,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyHeaders,
  ReservationListQuery,
  ReservationPath,
  type BookingCancellation,
} from '@headliner/contracts';
import { signedInUser, validate } from '@headliner/platform';
import { Router } from 'express';
import type { Counter } from 'prom-client';
import { bookingCancellations, holdReleases } from '../metrics';
import { cancelBooking } from '../use-cases/cancel-booking';
import { listReservations } from '../use-cases/list-reservations';
import { releaseHold } from '../use-cases/release-hold';
import { outcomeLabel } from './outcome-label';
import { scheduleStartsOf, type RouteDeps } from './route-deps';

/** A fan's own bookings: the list of them, releasing a hold, cancelling a confirmed booking. */
export function myBookingRoutes(deps: RouteDeps): Router {
  const router = Router();

  const list = validate({ query: ReservationListQuery });
  router.get(expressPath(apiRoutes.listMyReservations), list, async (_req, res) => {
    const userId = signedInUser(res).sub;
    const { query } = list.input(res);
    res.json(await listReservations(deps.db, scheduleStartsOf(deps), userId, query));
  });

  const release = validate({ params: ReservationPath });
  router.delete(expressPath(apiRoutes.releaseHold), release, async (_req, res) => {
    const userId = signedInUser(res).sub;
    const { params } = release.input(res);
    await countedByOutcome(holdReleases, () =>
      releaseHold(deps.db, deps.claims, userId, params.reservationId),
    );
    res.status(204).end();
  });

  const cancel = validate({ params: ReservationPath, headers: IdempotencyHeaders });
  router.post(expressPath(apiRoutes.cancelBooking), cancel, async (_req, res) => {
    const userId = signedInUser(res).sub;
    const { params, headers } = cancel.input(res);
    const cancelled = await countedByOutcome(
      bookingCancellations,
      () =>
        cancelBooking(deps.db, deps.claims, scheduleStartsOf(deps), {
          userId,
          reservationId: params.reservationId,
          idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER],
        }),
      (booking) => (booking.replayed ? 'replayed' : 'cancelled'),
    );
    const answer: BookingCancellation = {
      reservationId: cancelled.reservationId,
      status: 'CANCELLED',
      cancelledAt: cancelled.cancelledAt.toISOString(),
      refund: { paymentId: cancelled.paymentId, amount: cancelled.amount, status: 'REQUESTED' },
    };
    res.status(202).json(answer);
  });

  return router;
}

async function countedByOutcome<T>(
  counter: Counter<'outcome'>,
  change: () => Promise<T>,
  outcomeOf: (result: T) => string = String,
): Promise<T> {
  try {
    const result = await change();
    counter.inc({ outcome: outcomeOf(result) });
    return result;
  } catch (error) {
    counter.inc({ outcome: outcomeLabel(error) });
    throw error;
  }
}
