import { Counter, Gauge, Histogram } from 'prom-client';

export const holdOutcomes = new Counter({
  name: 'reservation_holds_total',
  help: 'Seat hold requests by outcome: held, a refusal reason (e.g. seat-not-available), or error',
  labelNames: ['outcome'],
});

export const holdsExpired = new Counter({
  name: 'reservation_holds_expired_total',
  help: 'Lapsed holds expired, by what found them: job (at expiresAt), sweep, or new_hold',
  labelNames: ['by'],
});

export const paymentsTimedOut = new Counter({
  name: 'reservation_payments_timed_out_total',
  help: 'Payments the wallet did not answer within PAYMENT_TIMEOUT_SECONDS: cancelled, holds released',
});

export const paymentOutcomes = new Counter({
  name: 'reservation_payments_total',
  help: 'Payment requests by answer: completed, pending, insufficient_balance, wallet_not_found, timed_out, a refusal reason, or error',
  labelNames: ['outcome'],
});

export const holdReleases = new Counter({
  name: 'reservation_hold_releases_total',
  help: 'Fans releasing an unpaid hold by outcome: released, ended_before (already over: a retry or a lapsed hold), a refusal reason (e.g. payment-in-progress), or error',
  labelNames: ['outcome'],
});

export const bookingCancellations = new Counter({
  name: 'reservation_booking_cancellations_total',
  help: 'Fans cancelling a confirmed booking by outcome: cancelled (refund requested), replayed (cancelled before: same answer, no second refund), a refusal reason (e.g. cancellation-cutoff), or error',
  labelNames: ['outcome'],
});

export const paymentSagaDuration = new Histogram({
  name: 'reservation_payment_saga_duration_seconds',
  help: "From a payment's request to the wallet's answer being recorded, by answer",
  labelNames: ['outcome'],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
});
// Present from the start: a series born at its first payment has no earlier sample, so rate()
// shows nothing until a second payment lands in a later scrape (an empty saga panel after a few
// bookings).
paymentSagaDuration.zero({ outcome: 'completed' });

export const reconciliationMismatches = new Gauge({
  name: 'reservation_reconciliation_mismatches',
  help: 'Mismatches among reservations, the wallet and the catalogue found by the last reconciliation, by kind (domain/mismatch.ts)',
  labelNames: ['kind'],
});

export const reconciliationRepairs = new Counter({
  name: 'reservation_reconciliation_repairs_total',
  help: 'Repair events the reconciliation sent, by the kind of mismatch they repair',
  labelNames: ['kind'],
});

export const reconciliationRuns = new Counter({
  name: 'reservation_reconciliation_runs_total',
  help: 'Reconciliation runs by outcome: clean, mismatches, skipped (another run held the lock), or error',
  labelNames: ['outcome'],
});

export const waitlistOffers = new Counter({
  name: 'reservation_waitlist_offers_total',
  help: 'Seats returned to a schedule with a waiting list, by outcome: offered, nobody_eligible (all at their hold limit), seat_taken, sale_on_hold; and offered holds released unpaid: lapsed',
  labelNames: ['outcome'],
});
