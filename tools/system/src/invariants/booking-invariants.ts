// Free of jest on purpose: the load-test runner checks a finished run with it too.
import { Client } from 'pg';
import { figuresOf, sumsOf } from './booking-figures';
import {
  takeBookingSnapshot,
  type BookingDatabases,
  type BookingSnapshot,
} from './booking-snapshot';

export interface BookingDatabaseUrls {
  reservation: string;
  wallet: string;
  concert: string;
}

export interface BookingInvariants {
  /** Each broken invariant in plain words; empty when the system is consistent. */
  violations: string[];
  /** The counts and sums the invariants compare, for a report. */
  figures: Record<string, number | string>;
}

export interface SettleOptions {
  /** How long the saga may take to settle (answers, refunds, catalogue) before judging. */
  settleWithinMs?: number;
}

/**
 * The booking invariants, read from the services' databases once the saga has settled: it
 * re-reads until nothing is broken or `settleWithinMs` passed, then reports what is still
 * broken. Seats: none held or sold twice, the catalogue shows what the reservations say, sold
 * seats = confirmed reservations = completed payments − cancelled bookings. Money: no negative
 * balance, each reservation debited and refunded at most once, a debit not refunded for each
 * completed payment of a booking that stands, a refunded one for each cancelled booking, and no
 * other, balances + (debits − refunds) = charges, debits − refunds = payments − cancelled ones.
 */
export async function checkBookingInvariants(
  urls: BookingDatabaseUrls,
  { settleWithinMs = 30_000 }: SettleOptions = {},
): Promise<BookingInvariants> {
  const db: BookingDatabases = {
    reservation: new Client({ connectionString: urls.reservation }),
    wallet: new Client({ connectionString: urls.wallet }),
    concert: new Client({ connectionString: urls.concert }),
  };
  await Promise.all(Object.values(db).map((client) => client.connect()));
  try {
    const deadline = Date.now() + settleWithinMs;
    for (;;) {
      const snapshot = await takeBookingSnapshot(db);
      const violations = violationsIn(snapshot, settleWithinMs);
      if (violations.length === 0 || Date.now() >= deadline) {
        return { violations, figures: figuresOf(snapshot) };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await Promise.all(Object.values(db).map((client) => client.end()));
  }
}

function violationsIn(s: BookingSnapshot, settleWithinMs: number): string[] {
  const violations: string[] = [];
  const broken = (count: number, what: string) => {
    if (count > 0) violations.push(`${count} ${what}`);
  };
  const confirmed = [...s.liveReservations].filter(([, status]) => status === 'CONFIRMED');
  const sold = [...s.seatsShown].filter(([, status]) => status === 'SOLD');
  const debitedNotRefunded = [...s.debits.keys()].filter((id) => !s.refunds.has(id));

  broken(s.paymentsInFlight, `payment(s) still awaiting the wallet after ${settleWithinMs} ms`);
  broken(s.seatsTakenTwice, 'seat(s) with more than one live hold or sale');
  broken(
    [...s.seatsShown].filter(([id, seat]) => s.liveReservations.get(id) !== reservationFor(seat))
      .length,
    'seat(s) the catalogue shows HELD (SOLD) for a reservation that is not HELD (CONFIRMED)',
  );
  broken(
    [...s.liveReservations].filter(([id, status]) => s.seatsShown.get(id) !== seatFor(status))
      .length,
    'HELD (CONFIRMED) reservation(s) whose seat the catalogue does not show HELD (SOLD)',
  );
  if (sold.length !== confirmed.length) {
    violations.push(`${sold.length} seat(s) sold but ${confirmed.length} reservation(s) confirmed`);
  }
  const standing = [...s.completedPayments.keys()].filter((id) => !s.cancelledBookings.has(id));
  if (confirmed.length !== s.completedPayments.size - s.cancelledBookings.size) {
    violations.push(
      `${confirmed.length} reservation(s) confirmed but ${s.completedPayments.size} paid − ${s.cancelledBookings.size} cancelled`,
    );
  }
  broken(
    [...s.cancelledBookings.keys()].filter((id) => !s.completedPayments.has(id)).length,
    'cancelled booking(s) with no completed payment',
  );
  broken(
    [...s.cancelledBookings.keys()].filter((id) => !s.debits.has(id) || !s.refunds.has(id)).length,
    'cancelled booking(s) the wallet has not refunded',
  );
  broken(
    confirmed.filter(([id]) => !s.completedPayments.has(id)).length,
    'confirmed reservation(s) with no completed payment',
  );
  broken(
    standing.filter((id) => s.liveReservations.get(id) !== 'CONFIRMED').length,
    'completed payment(s) whose reservation is not CONFIRMED (nor a cancelled booking)',
  );
  broken(s.negativeBalances, 'wallet(s) with a negative balance');
  broken(s.twice.debits, 'reservation(s) debited more than once');
  broken(s.twice.refunds, 'reservation(s) refunded more than once');
  broken([...s.refunds.keys()].filter((id) => !s.debits.has(id)).length, 'refund(s) with no debit');
  broken(
    standing.filter((id) => s.refunds.has(id)).length,
    'refunded debit(s) whose payment completed for a booking that stands',
  );
  broken(
    debitedNotRefunded.filter((id) => !s.completedPayments.has(id)).length,
    'debit(s) neither completed nor refunded',
  );
  broken(
    standing.filter((id) => !s.debits.has(id)).length,
    'completed payment(s) with no standing debit',
  );
  broken(
    s.timedOutPayments.filter((id) => !s.cancelledAtWallet.has(id)).length,
    'timed-out payment(s) whose cancellation the wallet has not recorded',
  );
  const { debitedWon, refundedWon, paidWon, cancelledWon } = sumsOf(s);
  if (s.balances + debitedWon - refundedWon !== s.charges) {
    violations.push(
      `balances (${s.balances}) + debits (${debitedWon}) − refunds (${refundedWon}) ≠ charges (${s.charges})`,
    );
  }
  if (debitedWon - refundedWon !== paidWon - cancelledWon) {
    violations.push(
      `debits (${debitedWon}) − refunds (${refundedWon}) ≠ completed payments (${paidWon}) − cancelled bookings (${cancelledWon})`,
    );
  }
  return violations;
}

// What the catalogue shows of a seat, and the reservation status it stands for.
const reservationFor = (seat: string) => (seat === 'SOLD' ? 'CONFIRMED' : 'HELD');
const seatFor = (reservation: string) => (reservation === 'CONFIRMED' ? 'SOLD' : 'HELD');
