import {
  apiRoutes,
  MAX_SCHEDULES_PER_CONCERT,
  ConcertPath,
  CreateConcertRequest,
  CreateScheduleRequest,
  expressPath,
} from '@headliner/contracts';
import { ProblemError, validate, type Logger } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router } from 'express';
import type { CatalogueCache } from '../infra/catalogue-cache';
import { createConcert } from '../use-cases/create-concert';
import { createSchedule } from '../use-cases/create-schedule';
import { requireAdmin } from './require-admin';

export interface AdminRouteDeps {
  db: SqlDatabase;
  cache: CatalogueCache | undefined;
  logger: Logger;
}

/** Catalogue changes, for admins only (checked before the body, so others learn nothing). */
export function adminRoutes({ db, cache, logger }: AdminRouteDeps): Router {
  const router = Router();

  const addConcert = validate({ body: CreateConcertRequest });
  router.post(expressPath(apiRoutes.createConcert), requireAdmin, addConcert, async (_req, res) => {
    const concertId = await createConcert(db, addConcert.input(res).body);
    res.status(201).json({ concertId });
  });

  const addSchedule = validate({ params: ConcertPath, body: CreateScheduleRequest });
  router.post(
    expressPath(apiRoutes.createSchedule),
    requireAdmin,
    addSchedule,
    async (_req, res) => {
      const { params, body } = addSchedule.input(res);
      const created = await createSchedule(db, params.concertId, body);
      if (created.outcome === 'no_concert')
        throw ProblemError.notFound(`There is no concert ${params.concertId}.`);
      if (created.outcome === 'concert_full') throw concertFull(params.concertId);
      // Committed: a failure here only leaves the old list cached until its TTL.
      await cache?.forgetSchedules(params.concertId).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not drop the cached schedule list');
      });
      res.status(201).json({ scheduleId: created.scheduleId });
    },
  );

  return router;
}

function concertFull(concertId: string): ProblemError {
  return ProblemError.conflict(
    `The concert ${concertId} already has ${MAX_SCHEDULES_PER_CONCERT} schedules, the most one ` +
      'concert may have; nothing was created.',
    { title: 'Too many schedules' },
  );
}
