import { ChargeRequest, WalletView } from '../src';
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
