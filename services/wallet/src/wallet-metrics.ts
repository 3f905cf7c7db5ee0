import { Counter } from 'prom-client';

export const charges = new Counter({
  name: 'wallet_charges_total',
  help: 'Charge requests by outcome: charged, replayed or key_reused',
  labelNames: ['outcome'],
});

export const chargedWon = new Counter({
  name: 'wallet_charged_won_total',
  help: 'Won credited to wallets by charges (replays not counted)',
});

export const debits = new Counter({
  name: 'wallet_debits_total',
  help: 'Payment requests by outcome: completed, insufficient_balance, wallet_not_found or already_debited',
  labelNames: ['outcome'],
});
