// Peak booking (reference 003): the whole active set at once. VUS fans (default 50, the queue's
// default ACTIVE_LIMIT; the runner passes the limit it configured) start together, each takes a
// queue token, holds a distinct seat and pays, then leaves the queue and does it again with
// the next free seat, for DURATION (10s). The first round is the reference's "50 active users
// book at once"; the rounds after it keep the active set full. Success (seat held and payment
// COMPLETED) must reach 99 %.
//
// Env: BASE_URL, VUS (50), DURATION (10s), CONCERT_INDEX (0: whose seats are booked),
// SESSIONS_FILE or USER_OFFSET + PASSWORD.
import exec from 'k6/execution';
import { Rate } from 'k6/metrics';
import { holdSeat, leaveQueue, pay, queueStats } from './lib/api.js';
import { availableSeatsOf, concertAt } from './lib/catalogue.js';
import { latencyMs, numberEnv, textEnv } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';
import { enterWaitingRoom } from './lib/waiting-room.js';

const vus = numberEnv('VUS', 50);
const bookingSuccess = new Rate('booking_success');

export const options = {
  ...summaryOptions,
  setupTimeout: '120s',
  scenarios: {
    peak: { executor: 'constant-vus', vus, duration: textEnv('DURATION', '10s') },
  },
  thresholds: {
    booking_success: ['rate>=0.99'],
    checks: ['rate>=0.99'],
    http_req_failed: ['rate<0.01'],
    book_response_time: [`p(95)<${latencyMs(300)}`],
    pay_response_time: [`p(95)<${latencyMs(500)}`],
  },
};

export function setup() {
  const seats = availableSeatsOf(concertAt(numberEnv('CONCERT_INDEX', 0)).concertId);
  for (const scheduleId of new Set(seats.map((seat) => seat.scheduleId))) {
    const stats = queueStats(scheduleId);
    if (!stats.ok) exec.test.abort('the queue stats did not load');
    if (stats.body.activeLimit < vus) {
      exec.test.abort(`VUS=${vus} is more than the active limit ${stats.body.activeLimit}`);
    }
  }
  return { seats };
}

export default function ({ seats }) {
  const seat = seats[exec.scenario.iterationInTest];
  if (!seat) exec.test.abort('out of seats: seed more for this DURATION');
  const session = sessionOfVu();
  const queueToken = enterWaitingRoom(session, seat.scheduleId, { timeoutSeconds: 30 });
  if (!queueToken) return bookingSuccess.add(false);
  const hold = holdSeat(session, queueToken, seat);
  const paid = hold.ok ? pay(session, queueToken, hold.body.reservationId) : undefined;
  bookingSuccess.add(paid !== undefined && paid.ok && paid.body.status === 'COMPLETED');
  // The completed payment spends the token, but only once its event reaches the queue: leaving
  // now makes sure the next round starts with a fresh token rather than one about to be spent.
  leaveQueue(session, queueToken);
}

export const handleSummary = summaryHandler();
