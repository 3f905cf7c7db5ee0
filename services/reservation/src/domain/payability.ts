import type { ReservationStatus } from '@headliner/contracts';
import { BookingRefused } from './booking-refused';

export interface ReservationToPay {
  userId: string;
  status: ReservationStatus;
  /** expiresAt has passed, by the database's clock. */
  lapsed: boolean;
}

export type PaymentStatus = 'REQUESTED' | 'COMPLETED' | 'FAILED';

/**
 * Refuses a payment unless the caller's hold is still live and nothing else is paying for it.
 * An unknown reservation and someone else's read the same, so ids cannot be probed.
 * `livePayment` is the status of the reservation's REQUESTED or COMPLETED payment, if any.
 */
export function assertPayable(
  reservationId: string,
  userId: string,
  reservation: ReservationToPay | undefined,
  livePayment: PaymentStatus | undefined,
): asserts reservation is ReservationToPay {
  if (!reservation || reservation.userId !== userId) {
    throw new BookingRefused('reservation-not-yours', `You hold no reservation ${reservationId}.`);
  }
  if (reservation.status === 'CONFIRMED' || livePayment === 'COMPLETED') {
    throw new BookingRefused(
      'reservation-already-paid',
      `Reservation ${reservationId} is already paid.`,
    );
  }
  if (livePayment === 'REQUESTED') {
    throw new BookingRefused(
      'payment-in-progress',
      `A payment for reservation ${reservationId} is already in progress.`,
    );
  }
  if (reservation.status !== 'HELD' || reservation.lapsed) {
    throw new BookingRefused(
      'hold-expired',
      `The hold of reservation ${reservationId} has ended; hold the seat again.`,
    );
  }
}
