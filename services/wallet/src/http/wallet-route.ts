import { apiRoutes, expressPath, type WalletView } from '@headliner/contracts';
import { signedInUser } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router } from 'express';
import { balanceOf } from '../infra/wallet-balance';

export function walletRoute(db: SqlDatabase): Router {
  const router = Router();
  router.get(expressPath(apiRoutes.getWallet), async (_req, res) => {
    const userId = signedInUser(res).sub;
    const view: WalletView = { userId, balance: await balanceOf(db, userId) };
    res.json(view);
  });
  return router;
}
