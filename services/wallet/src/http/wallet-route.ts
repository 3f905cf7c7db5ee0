import {
  apiRoutes,
  expressPath,
  USER_ID_HEADER,
  UserHeaders,
  type WalletView,
} from '@headliner/contracts';
import { validate } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router } from 'express';
import { balanceOf } from '../infra/wallet-balance';

const walletRequest = validate({ headers: UserHeaders });

export function walletRoute(db: SqlDatabase): Router {
  const router = Router();
  router.get(expressPath(apiRoutes.getWallet), walletRequest, async (_req, res) => {
    const userId = walletRequest.input(res).headers[USER_ID_HEADER];
    const view: WalletView = { userId, balance: await balanceOf(db, userId) };
    res.json(view);
  });
  return router;
}
