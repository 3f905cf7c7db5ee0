/**
 * What the reconciliation compares, read from the three contexts at about one moment: the
 * catalogue first, then the wallet, then the reservations, so any fact a later read depends on
 * (a debit before its payment's completion, a hold before the seat showing it) was already there
 * when the earlier one was read, or is younger than the grace period and left alone.
 */
export interface BookingFacts {
  /** By reservation id: every live reservation, every paid-for one, every one the others name. */
  reservations: Map<string, ReservationFact>;
  /** By reservation id: the wallet's ledger for it. */
  wallet: Map<string, WalletFact>;
  catalogue: CatalogueFacts;
}

export type ReservationStatus = 'HELD' | 'CONFIRMED' | 'EXPIRED' | 'CANCELLED';

export interface ReservationFact {
  id: string;
  userId: string;
  scheduleId: string;
  seatId: string;
  status: ReservationStatus;
  /** The fan cancelled this confirmed booking: its payment stays COMPLETED, refunded. */
  cancelledByFan: boolean;
  /** Neither it nor any of its payments changed within the grace period. */
  settled: boolean;
  payments: PaymentFact[];
}

export interface PaymentFact {
  id: string;
  status: 'REQUESTED' | 'COMPLETED' | 'FAILED';
  failureReason: string | null;
  amount: number;
  /** REQUESTED for longer than the payment time-out plus the grace period. */
  overdue: boolean;
}

export interface WalletFact {
  debit?: Debit;
  refunded: boolean;
  /** The wallet recorded a payment.cancelled for this reservation. */
  cancelled: boolean;
}

export interface Debit {
  userId: string;
  paymentId: string | null;
  amount: bigint;
  /** Older than the grace period. */
  settled: boolean;
}

/** A seat the catalogue shows taken (HELD or SOLD); AVAILABLE seats are not read. */
export interface ShownSeat {
  seatId: string;
  status: 'HELD' | 'SOLD';
  reservationId: string;
}

export interface CatalogueFacts {
  byReservation: Map<string, ShownSeat>;
  bySeat: Map<string, ShownSeat>;
}
