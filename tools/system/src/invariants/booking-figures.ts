import type { BookingSnapshot } from './booking-snapshot';

const sum = (amounts: Iterable<bigint>) => [...amounts].reduce((total, a) => total + a, 0n);

export function sumsOf(s: BookingSnapshot) {
  return {
    debitedWon: sum(s.debits.values()),
    refundedWon: sum(s.refunds.values()),
    paidWon: sum(s.completedPayments.values()),
    cancelledWon: sum(s.cancelledBookings.values()),
  };
}

/** The counts and sums of a snapshot, for a report. */
export function figuresOf(s: BookingSnapshot): Record<string, number | string> {
  const { debitedWon, refundedWon, paidWon, cancelledWon } = sumsOf(s);
  const won = (amount: bigint) =>
    amount <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(amount) : amount.toString();
  const confirmed = [...s.liveReservations.values()].filter((status) => status === 'CONFIRMED');
  return {
    heldReservations: s.liveReservations.size - confirmed.length,
    confirmedReservations: confirmed.length,
    soldSeats: [...s.seatsShown.values()].filter((status) => status === 'SOLD').length,
    completedPayments: s.completedPayments.size,
    cancelledBookings: s.cancelledBookings.size,
    paymentsInFlight: s.paymentsInFlight,
    timedOutPayments: s.timedOutPayments.length,
    debits: s.debits.size,
    refunds: s.refunds.size,
    chargedWon: won(s.charges),
    balancesWon: won(s.balances),
    debitedWon: won(debitedWon),
    refundedWon: won(refundedWon),
    paidWon: won(paidWon),
    cancelledWon: won(cancelledWon),
  };
}
