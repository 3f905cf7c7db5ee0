import { ConcertPath, SchedulePath } from '@headliner/contracts';
import { ProblemError, validate } from '@headliner/platform';
import { Router } from 'express';
import type { CatalogueReads } from '../catalogue/catalogue-reads';
import { canonical } from './canonical-id';

/** The public catalogue, forwarded by the gateway to anyone. */
export function catalogueRoutes(reads: CatalogueReads): Router {
  const router = Router();

  router.get('/api/v1/concerts', async (_req, res) => {
    res.json(await reads.concerts());
  });

  const listSchedules = validate({ params: ConcertPath });
  router.get('/api/v1/concerts/:concertId/schedules', listSchedules, async (_req, res) => {
    const concertId = canonical(listSchedules.input(res).params.concertId);
    const schedules = await reads.schedulesOf(concertId);
    if (!schedules) throw ProblemError.notFound(`There is no concert ${concertId}.`);
    res.json(schedules);
  });

  const getSeatMap = validate({ params: SchedulePath });
  router.get('/api/v1/schedules/:scheduleId/seats', getSeatMap, async (_req, res) => {
    const scheduleId = canonical(getSeatMap.input(res).params.scheduleId);
    const seatMap = await reads.seatMapOf(scheduleId);
    if (!seatMap) throw ProblemError.notFound(`There is no schedule ${scheduleId}.`);
    res.json(seatMap);
  });

  return router;
}
