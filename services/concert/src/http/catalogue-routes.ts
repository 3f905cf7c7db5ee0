import {
  apiRoutes,
  ConcertListQuery,
  ConcertPath,
  expressPath,
  SchedulePath,
} from '@headliner/contracts';
import { ProblemError, validate } from '@headliner/platform';
import { Router, type RequestHandler, type Response } from 'express';
import type { CatalogueReads, Json } from '../use-cases/catalogue-reads';
import { canonical } from './canonical-id';

/**
 * The public catalogue, forwarded by the gateway to anyone. `cacheControl` tells the gateway and
 * other shared caches whether, and for how long, they may keep an answer.
 */
export function catalogueRoutes(reads: CatalogueReads, cacheControl: string): Router {
  const router = Router();
  const cacheable: RequestHandler = (_req, res, next) => {
    res.setHeader('cache-control', cacheControl);
    next();
  };

  const listConcerts = validate({ query: ConcertListQuery });
  router.get(expressPath(apiRoutes.listConcerts), cacheable, listConcerts, async (_req, res) => {
    res.json(await reads.concerts(listConcerts.input(res).query));
  });

  const listSchedules = validate({ params: ConcertPath });
  router.get(expressPath(apiRoutes.listSchedules), cacheable, listSchedules, async (_req, res) => {
    const concertId = canonical(listSchedules.input(res).params.concertId);
    const schedules = await reads.schedulesOf(concertId);
    if (!schedules) throw ProblemError.notFound(`There is no concert ${concertId}.`);
    sendJson(res, schedules);
  });

  const getSeatMap = validate({ params: SchedulePath });
  router.get(expressPath(apiRoutes.getSeatMap), cacheable, getSeatMap, async (_req, res) => {
    const scheduleId = canonical(getSeatMap.input(res).params.scheduleId);
    const seatMap = await reads.seatMapOf(scheduleId);
    if (!seatMap) throw ProblemError.notFound(`There is no schedule ${scheduleId}.`);
    sendJson(res, seatMap);
  });

  return router;
}

/** Already-serialized JSON, straight out: express's send() would parse its own header back. */
function sendJson(res: Response, body: Json<unknown>): void {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
}
