import { z } from 'zod';
import { EntityId } from '../entity-id';
import { MAX_PRICE_WON, Won } from '../won';
import { apiComponents } from './components';

export const ChargeRequest = z
  .object({
    amount: z.int().min(1).max(MAX_PRICE_WON).describe('Won to add, 1..10,000,000'),
  })
  .strict()
  .register(apiComponents, { id: 'ChargeRequest' });
export type ChargeRequest = z.infer<typeof ChargeRequest>;

export const ChargeResult = z
  .object({ balance: Won.describe('Balance after the charge') })
  .register(apiComponents, { id: 'ChargeResult' });
export type ChargeResult = z.infer<typeof ChargeResult>;

export const WalletView = z
  .object({ userId: EntityId, balance: Won })
  .register(apiComponents, { id: 'WalletView' });
export type WalletView = z.infer<typeof WalletView>;
