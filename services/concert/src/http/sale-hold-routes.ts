import { apiRoutes, expressPath, SaleHoldRequest, SchedulePath } from '@headliner/contracts';
import { ProblemError, signedInUser, validate, type Logger } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router, type Response } from 'express';
import type { CatalogueCache } from '../infra/catalogue-cache';
import {
  changeSaleState,
  saleStateView,
  type SaleStateChange,
  type SaleStateWanted,
} from '../use-cases/change-sale-state';
import { requireAdmin } from './require-admin';

export interface SaleHoldRouteDeps {
  db: SqlDatabase;
  cache: CatalogueCache | undefined;
  logger: Logger;
}

/**
 * An operator's hold on one schedule's sale, and its end. Both are idempotent: asking for the
 * state the sale is in already changes nothing, logs no audit line and answers that state.
 */
export function saleHoldRoutes({ db, cache, logger }: SaleHoldRouteDeps): Router {
  const router = Router();

  const change = async (res: Response, scheduleId: string, wanted: SaleStateWanted) => {
    const result = await changeSaleState(db, scheduleId, wanted);
    if (result.outcome === 'no_schedule') {
      throw ProblemError.notFound(`There is no schedule ${scheduleId}.`);
    }
    if (result.outcome === 'changed') await announce(result, signedInUser(res).sub);
    res.json(saleStateView(result.state));
  };

  const announce = async (
    { before, state }: Extract<SaleStateChange, { outcome: 'changed' }>,
    actor: string,
  ) => {
    const action = state.saleState === 'ON_HOLD' ? 'schedule.sale-hold' : 'schedule.sale-resume';
    logger.info(
      { audit: true, action, actor, before: saleStateView(before), after: saleStateView(state) },
      `${action} of schedule ${state.scheduleId}`,
    );
    // Committed: a failure here only shows the old state in the catalogue until the cache's TTL.
    await cache?.applySaleState(state).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not write the sale state to the catalogue cache');
    });
  };

  const hold = validate({ params: SchedulePath, body: SaleHoldRequest });
  router.put(expressPath(apiRoutes.holdSale), requireAdmin, hold, async (_req, res) => {
    const { params, body } = hold.input(res);
    await change(res, params.scheduleId, { saleState: 'ON_HOLD', reason: body.reason });
  });

  const resume = validate({ params: SchedulePath });
  router.delete(expressPath(apiRoutes.resumeSale), requireAdmin, resume, async (_req, res) => {
    const { params } = resume.input(res);
    await change(res, params.scheduleId, { saleState: 'ON_SALE' });
  });

  return router;
}
