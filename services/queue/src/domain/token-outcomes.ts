import type { QueueTokenView } from '@headliner/contracts';

/** Entering the queue: a new token, or the live one the user already holds. */
export interface Entry {
  created: boolean;
  token: QueueTokenView;
}

/**
 * Looking up a user's token. `unknown` covers tokens that never existed, were left, or belong to
 * someone else (never reveal which); `expired` covers lapsed, dropped and spent tokens.
 */
export type TokenLookup =
  { kind: 'found'; token: QueueTokenView } | { kind: 'unknown' } | { kind: 'expired' };

/** Whether a token may hold seats and pay right now. */
export type Verification =
  | { kind: 'active'; expiresAt: string; scheduleId: string }
  | { kind: 'waiting' }
  | { kind: 'unknown' }
  | { kind: 'expired' };

/** What a reservation.confirmed event did to the buyer's queue token. */
export type PaymentRelease = 'freed' | 'duplicate' | 'no-active-token';

/** What one sweep of every room did, and the sizes it left (all rooms together). */
export interface SweepResult {
  expired: number;
  dropped: number;
  admitted: number;
  active: number;
  waiting: number;
  preQueue: number;
  /** Rooms with live tokens that were swept. */
  rooms: number;
}
