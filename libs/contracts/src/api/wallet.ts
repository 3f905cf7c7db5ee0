import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
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

export const WalletTransactionKind = z
  .enum(['CHARGE', 'DEBIT', 'REFUND'])
  .describe('CHARGE: money added; DEBIT: a payment; REFUND: a payment given back')
  .register(apiComponents, { id: 'WalletTransactionKind' });
export type WalletTransactionKind = z.infer<typeof WalletTransactionKind>;

export const WalletTransaction = z
  .object({
    transactionId: EntityId,
    kind: WalletTransactionKind,
    amount: Won.describe('Won moved, always positive; kind says which way'),
    balanceAfter: Won.describe('Balance right after this transaction'),
    reservationId: EntityId.optional().describe('DEBIT and REFUND: the reservation paid for'),
    paymentId: EntityId.optional().describe('DEBIT and REFUND: the payment'),
    createdAt: Timestamp,
  })
  .register(apiComponents, { id: 'WalletTransaction' });
export type WalletTransaction = z.infer<typeof WalletTransaction>;

/** Transactions per page of the ledger: by default, and at most. */
export const WALLET_TRANSACTION_PAGE_SIZE = { default: 20, max: 100 } as const;

/** Where a page of the ledger ends: pass nextCursor back as it is (newest first). */
export const WalletTransactionCursor = z
  .string()
  .regex(/^[0-9]{1,16}_[0-9a-f]{32}$/)
  .describe('nextCursor of the previous page, passed back unchanged');

export const WalletTransactionListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(WALLET_TRANSACTION_PAGE_SIZE.max)
    .default(WALLET_TRANSACTION_PAGE_SIZE.default)
    .describe(`Transactions per page, 1..${WALLET_TRANSACTION_PAGE_SIZE.max}`),
  cursor: WalletTransactionCursor.optional(),
});
export type WalletTransactionListQuery = z.infer<typeof WalletTransactionListQuery>;

export const WalletTransactionPage = z
  .object({
    items: z.array(WalletTransaction).describe('Newest first'),
    nextCursor: WalletTransactionCursor.nullable().describe(
      'Pass as cursor for the next page; null on the last page',
    ),
  })
  .register(apiComponents, { id: 'WalletTransactionPage' });
export type WalletTransactionPage = z.infer<typeof WalletTransactionPage>;
