import { randomUUID } from 'node:crypto';
import { ChargeRequest, WalletTransaction, WalletTransactionListQuery, WalletView } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when a user charges the wallet', () => {
  it.each([1, 50_000, 10_000_000])('accepts %i won', (amount) => {
    expect(ChargeRequest.parse({ amount })).toEqual({ amount });
  });

  it.each([
    ['zero', 0],
    ['a negative amount', -5_000],
    ['more than ten million won', 10_000_001],
    ['a huge amount', Number.MAX_SAFE_INTEGER + 2],
    ['a fraction of a won', 100.5],
    ['an amount as a string', '5000'],
    ['no amount', undefined],
  ])('rejects %s', (_case, amount) => {
    expect(rejectedFields(ChargeRequest, { amount })).toEqual(['amount']);
  });

  it('rejects a field it does not know', () => {
    expect(rejectedFields(ChargeRequest, { amount: 1, currency: 'KRW' })).toEqual(['currency']);
  });
});

describe('when the wallet is shown', () => {
  it('allows an empty wallet but not a negative balance', () => {
    const userId = '0b6e3c1e-9d2f-4c4a-8f57-3f1d2b7a9e10';
    expect(rejectedFields(WalletView, { userId, balance: 0 })).toEqual([]);
    expect(rejectedFields(WalletView, { userId, balance: -1 })).toEqual(['balance']);
  });
});

describe('when a user reads their ledger', () => {
  const entry = {
    transactionId: randomUUID(),
    kind: 'REFUND',
    amount: 165_000,
    balanceAfter: 200_000,
    reservationId: randomUUID(),
    paymentId: randomUUID(),
    createdAt: '2026-05-01T10:00:00Z',
  };

  it.each(['CHARGE', 'DEBIT', 'REFUND'])('shows a %s', (kind) => {
    expect(rejectedFields(WalletTransaction, { ...entry, kind })).toEqual([]);
  });

  it('shows a charge without a reservation or payment', () => {
    const charge = { ...entry, kind: 'CHARGE', reservationId: undefined, paymentId: undefined };
    expect(rejectedFields(WalletTransaction, charge)).toEqual([]);
  });

  it('pages 1..100 transactions, 20 by default', () => {
    expect(WalletTransactionListQuery.parse({})).toEqual({ limit: 20 });
    expect(rejectedFields(WalletTransactionListQuery, { limit: '101' })).toEqual(['limit']);
    expect(rejectedFields(WalletTransactionListQuery, { cursor: 'x' })).toEqual(['cursor']);
  });
});
