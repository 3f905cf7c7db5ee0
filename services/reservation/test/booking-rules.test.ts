import { randomUUID } from 'node:crypto';
import { BookingRefused } from '../src/domain/booking-refused';
import { assertPayable, type ReservationToPay } from '../src/domain/payability';
import { paymentOutcomeOf } from '../src/domain/payment-outcome';
import { paymentRequestHash } from '../src/domain/payment-request-hash';
import { visibleStatus } from '../src/domain/visible-status';

const fan = randomUUID();
const reservationId = randomUUID();

function reservation(overrides: Partial<ReservationToPay> = {}): ReservationToPay {
  return { userId: fan, status: 'HELD', lapsed: false, ...overrides };
}

function refusalOf(pay: () => void): string | undefined {
  try {
    pay();
    return undefined;
  } catch (error) {
    if (error instanceof BookingRefused) return error.reason;
    throw error;
  }
}

describe('when a fan asks to pay for a reservation', () => {
  it('lets them pay for their own live hold with nothing else paying for it', () => {
    expect(refusalOf(() => assertPayable(reservationId, fan, reservation(), undefined))).toBe(
      undefined,
    );
  });

  it("refuses someone else's reservation and an unknown one alike", () => {
    const stranger = randomUUID();
    expect(refusalOf(() => assertPayable(reservationId, stranger, reservation(), undefined))).toBe(
      'reservation-not-yours',
    );
    expect(refusalOf(() => assertPayable(reservationId, fan, undefined, undefined))).toBe(
      'reservation-not-yours',
    );
  });

  it('refuses a hold that has lapsed, expired or been cancelled', () => {
    for (const over of [
      { lapsed: true },
      { status: 'EXPIRED' },
      { status: 'CANCELLED' },
    ] as const) {
      expect(refusalOf(() => assertPayable(reservationId, fan, reservation(over), undefined))).toBe(
        'hold-expired',
      );
    }
  });

  it('refuses a second payment while one is in flight or once paid', () => {
    expect(refusalOf(() => assertPayable(reservationId, fan, reservation(), 'REQUESTED'))).toBe(
      'payment-in-progress',
    );
    const sold = reservation({ status: 'CONFIRMED' });
    expect(refusalOf(() => assertPayable(reservationId, fan, sold, 'COMPLETED'))).toBe(
      'reservation-already-paid',
    );
  });
});

describe('when a fan looks at a reservation', () => {
  it('sees a lapsed hold as EXPIRED unless a payment for it is in flight', () => {
    expect(visibleStatus({ status: 'HELD', lapsed: true, paymentInFlight: false })).toBe('EXPIRED');
    expect(visibleStatus({ status: 'HELD', lapsed: true, paymentInFlight: true })).toBe('HELD');
    expect(visibleStatus({ status: 'HELD', lapsed: false, paymentInFlight: false })).toBe('HELD');
    expect(visibleStatus({ status: 'CONFIRMED', lapsed: true, paymentInFlight: false })).toBe(
      'CONFIRMED',
    );
  });
});

describe('when a payment is replayed or settled', () => {
  it('fingerprints a request by the reservation it pays for', () => {
    const other = randomUUID();
    expect(paymentRequestHash({ reservationId })).toBe(paymentRequestHash({ reservationId }));
    expect(paymentRequestHash({ reservationId })).not.toBe(
      paymentRequestHash({ reservationId: other }),
    );
  });

  it("reads the wallet's answer off the payment", () => {
    const payment = { balanceAfter: null, failureReason: null };
    expect(paymentOutcomeOf({ ...payment, status: 'REQUESTED' })).toEqual({ status: 'PENDING' });
    expect(paymentOutcomeOf({ ...payment, status: 'COMPLETED', balanceAfter: 5 })).toEqual({
      status: 'COMPLETED',
      balance: 5,
    });
    expect(
      paymentOutcomeOf({ ...payment, status: 'FAILED', failureReason: 'WALLET_NOT_FOUND' }),
    ).toEqual({ status: 'FAILED', reason: 'WALLET_NOT_FOUND' });
    expect(paymentOutcomeOf({ ...payment, status: 'FAILED', failureReason: 'TIMED_OUT' })).toEqual({
      status: 'TIMED_OUT',
    });
  });
});
