import type { WalletView } from '@headliner/contracts';
import { validate } from '@headliner/platform';
import { Router } from 'express';
import type { PrismaClient } from '../generated/prisma/client';
import { balanceOf } from '../infra/wallet-balance';
import { UserHeaders } from './user-headers';

const walletRequest = validate({ headers: UserHeaders });

export function walletRoute(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/api/v1/wallet', walletRequest, async (_req, res) => {
    const userId = walletRequest.input(res).headers['x-user-id'];
    const view: WalletView = { userId, balance: await balanceOf(prisma, userId) };
    res.json(view);
  });
  return router;
}
