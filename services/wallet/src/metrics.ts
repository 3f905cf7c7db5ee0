import { Counter } from 'prom-client';

export const charges = new Counter({
  name: 'wallet_charges_total',
  help: 'Charge requests by outcome: charged, replayed, key_reused, over_maximum or over_daily_cap (refused by WALLET_DAILY_CHARGE_CAP_WON)',
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
  help: 'Payment cancellations (timed out, reconciled, or a booking the fan cancelled) by outcome: refunded (the debit given back), not_debited (remembered, so the request debits nothing), already_cancelled or refused_confirmed (the sale was confirmed: nothing refunded, the event dead-lettered)',
  labelNames: ['outcome'],
});

export const refundedWon = new Counter({
  name: 'wallet_refunded_won_total',
  help: 'Won given back to wallets for cancelled payments and bookings',
});

export const sales = new Counter({
  name: 'wallet_confirmed_sales_total',
  help: 'Sales the reservation service confirmed, by outcome: recorded (a later cancellation is refused) refunded_before (the debit was refunded already: seat sold, money given back) or cancelled_by_fan (the fan cancelled the booking before this arrived: refunded, as it should be)',
  labelNames: ['outcome'],
});
