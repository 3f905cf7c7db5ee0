import { Counter } from 'prom-client';

export const charges = new Counter({
  name: 'wallet_charges_total',
  help: 'Charge requests by outcome: charged, replayed, key_reused or over_maximum',
  labelNames: ['outcome'],
});

export const chargedWon = new Counter({
  name: 'wallet_charged_won_total',
  help: 'Won credited to wallets by charges (replays not counted)',
});

export const debits = new Counter({
  name: 'wallet_debits_total',
  help: 'Payment requests by outcome: completed, insufficient_balance, wallet_not_found, already_debited or cancelled (before it arrived)',
  labelNames: ['outcome'],
});

export const refunds = new Counter({
  name: 'wallet_refunds_total',
  help: 'Payment cancellations by outcome: refunded (the debit given back), not_debited (remembered, so the request debits nothing) or already_cancelled',
  labelNames: ['outcome'],
});

export const refundedWon = new Counter({
  name: 'wallet_refunded_won_total',
  help: 'Won given back to wallets for cancelled payments',
});
