import { wonOf } from '@headliner/contracts';
import type {
  BookingFacts,
  Debit,
  PaymentFact,
  ReservationFact,
  WalletFact,
} from './booking-facts';
import type { Mismatch } from './mismatch';

const ended = (reservation: ReservationFact) =>
  reservation.status === 'EXPIRED' || reservation.status === 'CANCELLED';
const completedPayment = (reservation?: ReservationFact) =>
  reservation?.payments.find((payment) => payment.status === 'COMPLETED');

/**
 * Payments against the wallet's ledger: confirmed = paid − refunded, booking by booking. The one
 * repair is payment.cancelled, and only for a reservation the reservation service knows ended
 * unpaid, or whose booking the fan cancelled: the wallet then refunds its debit once (or, with
 * none, never debits it), whatever else cancelled it meanwhile.
 */
export function moneyMismatches({ reservations, wallet }: BookingFacts): Mismatch[] {
  const found: Mismatch[] = [];
  for (const [reservationId, ledger] of wallet) {
    if (ledger.debit && !ledger.refunded) {
      const mismatch = debitNotPaid(reservationId, ledger.debit, ledger, reservations);
      if (mismatch) found.push(mismatch);
    }
  }
  for (const reservation of reservations.values()) {
    found.push(...paymentMismatches(reservation, wallet.get(reservation.id)));
  }
  return found;
}

function debitNotPaid(
  reservationId: string,
  debit: Debit,
  ledger: WalletFact,
  reservations: BookingFacts['reservations'],
): Mismatch | undefined {
  const reservation = reservations.get(reservationId);
  if (!debit.settled || (reservation && !reservation.settled)) return undefined;
  if (completedPayment(reservation)) return undefined;
  if (reservation?.payments.some((payment) => payment.status === 'REQUESTED')) return undefined;
  const paymentId = debit.paymentId ?? reservation?.payments[0]?.id;
  const found = {
    kind: 'debit_not_paid',
    reservationId,
    userId: debit.userId,
    seatId: reservation?.seatId,
    paymentId,
  } as const;
  const taken = `the wallet debited ${debit.amount} won with no completed payment`;
  if (!reservation) {
    return { ...found, detail: `${taken}, for a reservation this service does not know` };
  }
  if (!ended(reservation)) {
    return { ...found, detail: `${taken}, for a reservation still ${reservation.status}` };
  }
  if (ledger.cancelled) {
    return { ...found, detail: `${taken}; it recorded the cancellation and still kept the money` };
  }
  if (!paymentId) return { ...found, detail: `${taken}, naming no payment` };
  const timedOut = reservation.payments.some((payment) => payment.failureReason === 'TIMED_OUT');
  return {
    ...found,
    detail: `${taken}; the reservation is ${reservation.status}`,
    repair: {
      send: 'payment.cancelled',
      paymentId,
      userId: debit.userId,
      amount: wonOf(debit.amount),
      reason: timedOut ? 'TIMED_OUT' : 'RECONCILED',
    },
  };
}

function paymentMismatches(reservation: ReservationFact, ledger?: WalletFact): Mismatch[] {
  const found: Mismatch[] = [];
  const ids = { reservationId: reservation.id, userId: reservation.userId };
  for (const payment of reservation.payments) {
    if (payment.overdue) {
      found.push({
        kind: 'payment_unanswered',
        ...ids,
        paymentId: payment.id,
        detail: 'the payment awaits the wallet past its time-out: is the time-out sweep running?',
      });
    }
  }
  if (!reservation.settled) return found;
  const completed = completedPayment(reservation);
  if (completed && reservation.cancelledByFan) {
    return [...found, ...refundMismatches(reservation, completed, ledger)];
  }
  const confirmed = reservation.status === 'CONFIRMED';
  if (completed && !confirmed) {
    found.push({
      kind: 'paid_not_confirmed',
      ...ids,
      paymentId: completed.id,
      detail: `the payment completed but the reservation is ${reservation.status}`,
    });
  } else if (!completed && confirmed) {
    found.push({
      kind: 'confirmed_not_paid',
      ...ids,
      detail: 'the reservation is CONFIRMED with no completed payment',
    });
  }
  const debit = ledger?.debit;
  if (completed && (!debit || ledger.refunded)) {
    found.push({
      kind: 'paid_not_debited',
      ...ids,
      paymentId: completed.id,
      detail: debit
        ? `the payment completed but the wallet refunded its debit of ${debit.amount} won`
        : 'the payment completed but the wallet holds no debit for it',
    });
  } else if (completed && debit && BigInt(completed.amount) !== debit.amount) {
    found.push({
      kind: 'amount_mismatch',
      ...ids,
      paymentId: completed.id,
      detail: `the payment completed for ${completed.amount} won, the wallet debited ${debit.amount}`,
    });
  }
  const timedOut = reservation.payments.find((payment) => payment.failureReason === 'TIMED_OUT');
  if (timedOut && !ledger?.cancelled && !debit) {
    found.push({
      kind: 'cancellation_not_recorded',
      ...ids,
      paymentId: timedOut.id,
      detail: 'the payment timed out but the wallet never recorded its cancellation',
      repair: {
        send: 'payment.cancelled',
        paymentId: timedOut.id,
        userId: reservation.userId,
        amount: timedOut.amount,
        reason: 'TIMED_OUT',
      },
    });
  }
  return found;
}

/** A booking the fan cancelled: paid, and refunded once by the wallet. */
function refundMismatches(
  reservation: ReservationFact,
  completed: PaymentFact,
  ledger?: WalletFact,
): Mismatch[] {
  const ids = {
    reservationId: reservation.id,
    userId: reservation.userId,
    paymentId: completed.id,
  };
  const debit = ledger?.debit;
  if (!debit) {
    const detail = 'the fan cancelled a paid booking but the wallet holds no debit for it';
    return [{ kind: 'paid_not_debited', ...ids, detail }];
  }
  if (ledger.refunded) return [];
  return [
    {
      kind: 'refund_not_made',
      ...ids,
      detail: `the fan cancelled the booking but the wallet still keeps its debit of ${debit.amount} won`,
      repair: {
        send: 'payment.cancelled',
        paymentId: completed.id,
        userId: reservation.userId,
        amount: completed.amount,
        reason: 'CANCELLED_BY_FAN',
      },
    },
  ];
}
