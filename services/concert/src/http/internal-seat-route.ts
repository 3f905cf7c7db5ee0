import { EntityId } from '@headliner/contracts';
import { ProblemError, validate } from '@headliner/platform';
import { Router } from 'express';
import { z } from 'zod';
import type { CatalogueReads } from '../catalogue/catalogue-reads';
import { canonical } from './canonical-id';

const SeatPath = z.object({ seatId: EntityId });

/** The reservation service prices every hold here, so it reads through the cache when on. */
export function internalSeatRoute(reads: CatalogueReads): Router {
  const router = Router();
  const getSeat = validate({ params: SeatPath });
  router.get('/internal/seats/:seatId', getSeat, async (_req, res) => {
    const seatId = canonical(getSeat.input(res).params.seatId);
    const seat = await reads.seat(seatId);
    if (!seat) throw ProblemError.notFound(`There is no seat ${seatId}.`);
    res.json(seat);
  });
  return router;
}
