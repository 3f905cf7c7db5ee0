import type { ReservationStatus } from '@headliner/contracts';

export interface StoredReservationState {
  status: ReservationStatus;
  /** expiresAt has passed, by the database's clock. */
  lapsed: boolean;
  paymentInFlight: boolean;
}

/**
 * The status a fan sees. A lapsed hold with no payment in flight can no longer be paid and is
 * freed for the next fan at once, so it reads EXPIRED even before the expiry job has written it;
 * one with a payment in flight stays HELD until the payment settles it either way.
 */
export function visibleStatus(reservation: StoredReservationState): ReservationStatus {
  const expired =
    reservation.status === 'HELD' && reservation.lapsed && !reservation.paymentInFlight;
  return expired ? 'EXPIRED' : reservation.status;
}
