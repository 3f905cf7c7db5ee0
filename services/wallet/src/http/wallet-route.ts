import type { WalletView } from '@headliner/contracts';
import { validate } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router } from 'express';
import { balanceOf } from '../infra/wallet-balance';
import { UserHeaders } from './user-headers';

const walletRequest = validate({ headers: UserHeaders });

export function walletRoute(db: SqlDatabase): Router {
  const router = Router();
  router.get('/api/v1/wallet', walletRequest, async (_req, res) => {
    const userId = walletRequest.input(res).headers['x-user-id'];
    const view: WalletView = { userId, balance: await balanceOf(db, userId) };
    res.json(view);
  });
  return router;
}
