import type { Client } from 'pg';

/** One connection to each database the booking invariants read. */
export interface BookingDatabases {
  reservation: Client;
  wallet: Client;
  concert: Client;
}

/** What the three databases hold at one moment, reduced to what the invariants compare. */
export interface BookingSnapshot {
  /** Seats with more than one HELD or CONFIRMED reservation. */
  seatsTakenTwice: number;
  /** Reservation id → status, for every HELD or CONFIRMED reservation. */
  liveReservations: Map<string, string>;
  paymentsInFlight: number;
  /** Reservation id → amount, for every COMPLETED payment (a cancelled booking's included). */
  completedPayments: Map<string, bigint>;
  /** Reservation id → amount to refund, for every confirmed booking its fan cancelled. */
  cancelledBookings: Map<string, bigint>;
  /** Reservation ids of payments the sweep gave up on (FAILED, TIMED_OUT). */
  timedOutPayments: string[];
  /** Reservation id → status shown, for every seat the catalogue shows HELD or SOLD. */
  seatsShown: Map<string, string>;
  balances: bigint;
  negativeBalances: number;
  charges: bigint;
  /** Reservation id → amount, per ledger kind; a reference seen twice is kept in `twice`. */
  debits: Map<string, bigint>;
  refunds: Map<string, bigint>;
  twice: { debits: number; refunds: number };
  /** Reservation ids whose cancellation the wallet has recorded. */
  cancelledAtWallet: Set<string>;
}

async function rows<T>(client: Client, sql: string): Promise<T[]> {
  return (await client.query(sql)).rows as T[];
}

async function ledger(wallet: Client, kind: 'DEBIT' | 'REFUND') {
  const entries = await rows<{ reference: string; amount: string }>(
    wallet,
    `SELECT reference, amount FROM ledger_entries WHERE kind = '${kind}'`,
  );
  const byReservation = new Map(entries.map((entry) => [entry.reference, BigInt(entry.amount)]));
  return { byReservation, twice: entries.length - byReservation.size };
}

// One query at a time per connection (pg wants it so); the three databases are read at once.
async function readReservations(reservation: Client) {
  const [taken] = await rows<{ n: string }>(
    reservation,
    `SELECT count(*) AS n FROM (SELECT seat_id FROM reservations
       WHERE status IN ('HELD', 'CONFIRMED') GROUP BY seat_id HAVING count(*) > 1) twice`,
  );
  const live = await rows<{ id: string; status: string }>(
    reservation,
    `SELECT id, status FROM reservations WHERE status IN ('HELD', 'CONFIRMED')`,
  );
  const [inFlight] = await rows<{ n: string }>(
    reservation,
    `SELECT count(*) AS n FROM payments WHERE status = 'REQUESTED'`,
  );
  const completed = await rows<{ reservation_id: string; amount: number }>(
    reservation,
    `SELECT reservation_id, amount FROM payments WHERE status = 'COMPLETED'`,
  );
  const cancelledBookings = await rows<{ reservation_id: string; amount: string }>(
    reservation,
    'SELECT reservation_id, amount FROM booking_cancellations',
  );
  const timedOut = await rows<{ reservation_id: string }>(
    reservation,
    `SELECT reservation_id FROM payments WHERE status = 'FAILED' AND failure_reason = 'TIMED_OUT'`,
  );
  return {
    seatsTakenTwice: Number(taken?.n),
    liveReservations: new Map(live.map((row) => [row.id, row.status])),
    paymentsInFlight: Number(inFlight?.n),
    completedPayments: new Map(completed.map((row) => [row.reservation_id, BigInt(row.amount)])),
    cancelledBookings: new Map(
      cancelledBookings.map((row) => [row.reservation_id, BigInt(row.amount)]),
    ),
    timedOutPayments: timedOut.map((row) => row.reservation_id),
  };
}

async function readCatalogue(concert: Client) {
  const shown = await rows<{ reservation_id: string; status: string }>(
    concert,
    `SELECT reservation_id, status FROM seats WHERE status <> 'AVAILABLE'`,
  );
  return { seatsShown: new Map(shown.map((row) => [row.reservation_id, row.status])) };
}

async function readWallets(wallet: Client) {
  const [money] = await rows<{ balances: string; negative: string; charges: string }>(
    wallet,
    `SELECT (SELECT coalesce(sum(balance), 0) FROM wallets) AS balances,
            (SELECT count(*) FROM wallets WHERE balance < 0) AS negative,
            (SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE kind = 'CHARGE') AS charges`,
  );
  const debits = await ledger(wallet, 'DEBIT');
  const refunds = await ledger(wallet, 'REFUND');
  const cancelled = await rows<{ reservation_id: string }>(
    wallet,
    'SELECT reservation_id FROM payment_cancellations',
  );
  return {
    balances: BigInt(money?.balances ?? 0),
    negativeBalances: Number(money?.negative),
    charges: BigInt(money?.charges ?? 0),
    debits: debits.byReservation,
    refunds: refunds.byReservation,
    twice: { debits: debits.twice, refunds: refunds.twice },
    cancelledAtWallet: new Set(cancelled.map((row) => row.reservation_id)),
  };
}

/** Reads each database once; the three reads are not one transaction, so callers re-read. */
export async function takeBookingSnapshot(db: BookingDatabases): Promise<BookingSnapshot> {
  const [reservations, catalogue, wallets] = await Promise.all([
    readReservations(db.reservation),
    readCatalogue(db.concert),
    readWallets(db.wallet),
  ]);
  return { ...reservations, ...catalogue, ...wallets };
}
