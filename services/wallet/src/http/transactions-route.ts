import { apiRoutes, expressPath, WalletTransactionListQuery } from '@headliner/contracts';
import { signedInUser, validate } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router } from 'express';
import { ledgerPage } from '../infra/ledger-pages';

export function transactionsRoute(db: SqlDatabase): Router {
  const router = Router();
  const list = validate({ query: WalletTransactionListQuery });
  router.get(expressPath(apiRoutes.listWalletTransactions), list, async (_req, res) => {
    const userId = signedInUser(res).sub;
    res.json(await ledgerPage(db, userId, list.input(res).query));
  });
  return router;
}
