import { randomUUID } from 'node:crypto';
import type {
  BookingFacts,
  PaymentFact,
  ReservationFact,
  ShownSeat,
  WalletFact,
} from '../src/domain/booking-facts';
import { findMismatches } from '../src/domain/find-mismatches';

const fan = randomUUID();

function reservation(overrides: Partial<ReservationFact> = {}): ReservationFact {
  return {
    id: randomUUID(),
    userId: fan,
    scheduleId: randomUUID(),
    seatId: randomUUID(),
    status: 'CONFIRMED',
    cancelledByFan: false,
    settled: true,
    payments: [payment()],
    ...overrides,
  };
}

function payment(overrides: Partial<PaymentFact> = {}): PaymentFact {
  const base = { status: 'COMPLETED', failureReason: null, amount: 50_000, overdue: false };
  return { id: randomUUID(), ...base, ...overrides } as PaymentFact;
}

const debited = (amount = 50_000n, overrides: Partial<WalletFact> = {}): WalletFact => ({
  debit: { userId: fan, paymentId: randomUUID(), amount, settled: true },
  refunded: false,
  cancelled: false,
  ...overrides,
});

const seatOf = (booking: ReservationFact, status: ShownSeat['status']): ShownSeat => ({
  seatId: booking.seatId,
  status,
  reservationId: booking.id,
});

/** Facts where every context agrees, unless a test gives its own. */
function facts(
  bookings: ReservationFact[],
  ledger: [string, WalletFact][] = [],
  seats: ShownSeat[] = [],
): BookingFacts {
  return {
    reservations: new Map(bookings.map((booking) => [booking.id, booking])),
    wallet: new Map(ledger),
    catalogue: {
      byReservation: new Map(seats.map((seat) => [seat.reservationId, seat])),
      bySeat: new Map(seats.map((seat) => [seat.seatId, seat])),
    },
  };
}

const kindsAndRepairs = (found: ReturnType<typeof findMismatches>) =>
  found.map((mismatch) => [mismatch.kind, mismatch.repair?.send]);

describe('when every context agrees about a sale', () => {
  it('finds nothing', () => {
    const sale = reservation();
    expect(findMismatches(facts([sale], [[sale.id, debited()]], [seatOf(sale, 'SOLD')]))).toEqual(
      [],
    );
  });
});

describe('when the wallet kept a debit for a reservation that ended unpaid', () => {
  it('refunds it through payment.cancelled, naming the timed-out payment', () => {
    const timedOut = payment({ status: 'FAILED', failureReason: 'TIMED_OUT' });
    const lapsed = reservation({ status: 'CANCELLED', payments: [timedOut] });
    const ledger = debited(50_000n);
    const [found] = findMismatches(facts([lapsed], [[lapsed.id, ledger]]));
    expect(found).toMatchObject({
      kind: 'debit_not_paid',
      reservationId: lapsed.id,
      repair: {
        send: 'payment.cancelled',
        paymentId: ledger.debit?.paymentId,
        userId: fan,
        amount: 50_000,
        reason: 'TIMED_OUT',
      },
    });
  });

  it('says RECONCILED when no payment of the reservation timed out', () => {
    const expired = reservation({ status: 'EXPIRED', payments: [] });
    const [found] = findMismatches(facts([expired], [[expired.id, debited()]]));
    expect(found?.repair).toMatchObject({ send: 'payment.cancelled', reason: 'RECONCILED' });
  });

  it('leaves alone a refunded debit, a payment in flight, and anything younger than the grace period', () => {
    const ended = (overrides: Partial<ReservationFact>) =>
      reservation({ status: 'CANCELLED', payments: [], ...overrides });
    const refunded = ended({});
    const inFlight = ended({ payments: [payment({ status: 'REQUESTED' })] });
    const recent = ended({ settled: false });
    const freshDebit = ended({});
    const young = debited();
    if (young.debit) young.debit.settled = false;
    expect(
      findMismatches(
        facts(
          [refunded, inFlight, recent, freshDebit],
          [
            [refunded.id, debited(50_000n, { refunded: true, cancelled: true })],
            [inFlight.id, debited()],
            [recent.id, debited()],
            [freshDebit.id, young],
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('only reports one it cannot refund safely: a live or unknown reservation, a cancellation already recorded', () => {
    const confirmedUnpaid = reservation({ payments: [] });
    const cancelledAlready = reservation({ status: 'EXPIRED', payments: [] });
    const unknown = randomUUID();
    const found = findMismatches(
      facts(
        [confirmedUnpaid, cancelledAlready],
        [
          [confirmedUnpaid.id, debited()],
          [cancelledAlready.id, debited(50_000n, { cancelled: true })],
          [unknown, debited()],
        ],
        [seatOf(confirmedUnpaid, 'SOLD')],
      ),
    );
    expect(
      found.map((mismatch) => [mismatch.kind, mismatch.reservationId, mismatch.repair]),
    ).toEqual([
      ['debit_not_paid', confirmedUnpaid.id, undefined],
      ['debit_not_paid', cancelledAlready.id, undefined],
      ['debit_not_paid', unknown, undefined],
      ['confirmed_not_paid', confirmedUnpaid.id, undefined],
    ]);
  });
});

describe('when a completed payment and the ledger disagree', () => {
  it('reports a payment with no debit, or with its debit refunded, and a wrong amount', () => {
    const noDebit = reservation();
    const refunded = reservation();
    const wrongAmount = reservation();
    const found = findMismatches(
      facts(
        [noDebit, refunded, wrongAmount],
        [
          [refunded.id, debited(50_000n, { refunded: true })],
          [wrongAmount.id, debited(40_000n)],
        ],
        [noDebit, refunded, wrongAmount].map((sale) => seatOf(sale, 'SOLD')),
      ),
    );
    expect(found.map((mismatch) => [mismatch.kind, mismatch.reservationId])).toEqual([
      ['paid_not_debited', noDebit.id],
      ['paid_not_debited', refunded.id],
      ['amount_mismatch', wrongAmount.id],
    ]);
    expect(found.every((mismatch) => mismatch.repair === undefined)).toBe(true);
  });
});

describe('when a payment timed out', () => {
  it('sends the cancellation again if the wallet never recorded it', () => {
    const timedOut = payment({ status: 'FAILED', failureReason: 'TIMED_OUT', amount: 30_000 });
    const lapsed = reservation({ status: 'CANCELLED', payments: [timedOut] });
    expect(findMismatches(facts([lapsed]))).toEqual([
      expect.objectContaining({
        kind: 'cancellation_not_recorded',
        paymentId: timedOut.id,
        repair: {
          send: 'payment.cancelled',
          paymentId: timedOut.id,
          userId: fan,
          amount: 30_000,
          reason: 'TIMED_OUT',
        },
      }),
    ]);
    expect(
      findMismatches(facts([lapsed], [[lapsed.id, { refunded: false, cancelled: true }]])),
    ).toEqual([]);
  });

  it('reports a payment still awaiting the wallet well past its time-out', () => {
    const stuck = reservation({
      status: 'HELD',
      payments: [payment({ status: 'REQUESTED', overdue: true })],
    });
    expect(kindsAndRepairs(findMismatches(facts([stuck], [], [seatOf(stuck, 'HELD')])))).toEqual([
      ['payment_unanswered', undefined],
    ]);
  });
});

describe('when the catalogue does not show a live reservation', () => {
  it('sends the sale again unless the seat is sold to someone else', () => {
    const shownFree = reservation();
    const shownHeld = reservation();
    const soldElsewhere = reservation();
    const other = reservation({ seatId: soldElsewhere.seatId });
    const found = findMismatches(
      facts(
        [shownFree, shownHeld, soldElsewhere, other],
        [shownFree, shownHeld, soldElsewhere, other].map((sale) => [sale.id, debited()]),
        [seatOf(shownHeld, 'HELD'), seatOf(other, 'SOLD')],
      ),
    );
    expect(
      found.map((mismatch) => [mismatch.kind, mismatch.reservationId, mismatch.repair?.send]),
    ).toEqual([
      ['sale_not_shown', shownFree.id, 'reservation.confirmed'],
      ['sale_not_shown', shownHeld.id, 'reservation.confirmed'],
      ['sale_not_shown', soldElsewhere.id, undefined],
    ]);
  });

  it('sends a hold again for a free seat, and waits while another reservation shows on it', () => {
    const shownFree = reservation({ status: 'HELD', payments: [] });
    const shownOther = reservation({ status: 'HELD', payments: [] });
    const ended = reservation({ status: 'EXPIRED', payments: [], seatId: shownOther.seatId });
    const found = findMismatches(
      facts([shownFree, shownOther, ended], [], [seatOf(ended, 'HELD')]),
    );
    expect(
      found.map((mismatch) => [mismatch.kind, mismatch.reservationId, mismatch.repair?.send]),
    ).toEqual([
      ['hold_not_shown', shownFree.id, 'reservation.held'],
      ['hold_not_shown', shownOther.id, undefined],
      ['seat_not_released', ended.id, 'reservation.released'],
    ]);
  });
});

describe('when the catalogue shows a seat taken by a reservation that ended', () => {
  it('sends the release again, held or sold alike', () => {
    const expired = reservation({ status: 'EXPIRED', payments: [] });
    const failed = reservation({
      status: 'CANCELLED',
      payments: [payment({ status: 'FAILED', failureReason: 'INSUFFICIENT_BALANCE' })],
    });
    const found = findMismatches(
      facts([expired, failed], [], [seatOf(expired, 'HELD'), seatOf(failed, 'SOLD')]),
    );
    expect(kindsAndRepairs(found)).toEqual([
      ['seat_not_released', 'reservation.released'],
      ['seat_not_released', 'reservation.released'],
    ]);
  });

  it('only reports one with a completed payment or no reservation at all, and waits for a recent one', () => {
    const paid = reservation({ status: 'CANCELLED' });
    const recent = reservation({ status: 'EXPIRED', payments: [], settled: false });
    const unknown = reservation({ status: 'EXPIRED', payments: [] });
    const found = findMismatches(
      facts(
        [paid, recent],
        [[paid.id, debited()]],
        [seatOf(paid, 'SOLD'), seatOf(recent, 'HELD'), seatOf(unknown, 'HELD')],
      ),
    );
    expect(
      found.map((mismatch) => [mismatch.kind, mismatch.reservationId, mismatch.repair?.send]),
    ).toEqual([
      ['paid_not_confirmed', paid.id, undefined],
      ['seat_not_released', paid.id, undefined],
      ['seat_not_released', unknown.id, undefined],
    ]);
  });
});

describe('when the fan cancelled a paid booking', () => {
  const cancelled = (overrides: Partial<ReservationFact> = {}) =>
    reservation({ status: 'CANCELLED', cancelledByFan: true, ...overrides });

  it('finds nothing once the wallet refunded it and the catalogue shows the seat on sale', () => {
    const booking = cancelled();
    expect(
      findMismatches(facts([booking], [[booking.id, debited(50_000n, { refunded: true })]])),
    ).toEqual([]);
  });

  it('sends the refund again while the wallet keeps the debit, and the release while the seat shows sold', () => {
    const booking = cancelled();
    const found = findMismatches(
      facts([booking], [[booking.id, debited()]], [seatOf(booking, 'SOLD')]),
    );
    expect(kindsAndRepairs(found)).toEqual([
      ['refund_not_made', 'payment.cancelled'],
      ['seat_not_released', 'reservation.released'],
    ]);
    expect(found[0]?.repair).toEqual({
      send: 'payment.cancelled',
      paymentId: booking.payments[0]?.id,
      userId: fan,
      amount: 50_000,
      reason: 'CANCELLED_BY_FAN',
    });
  });

  it('reports a cancelled booking the wallet never debited, and waits for a recent one', () => {
    const undebited = cancelled();
    const recent = cancelled({ settled: false });
    const found = findMismatches(facts([undebited, recent], [[recent.id, debited()]]));
    expect(
      found.map((mismatch) => [mismatch.kind, mismatch.reservationId, mismatch.repair]),
    ).toEqual([['paid_not_debited', undebited.id, undefined]]);
  });
});
