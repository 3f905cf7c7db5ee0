// The peer-style closed loop: the shape a public NestJS implementation of the same system
// (Ksanbal/Concert-Reservation-API) benchmarks itself with (its load-test/script.js), so the
// figures compare side by side. VUS signed-in fans (100) go round with no think time for DURATION
// (110s), all on one schedule: take a queue token and poll it until ACTIVE, list the concerts,
// then read the seat map and hold a random free seat, again after a 409 (someone was faster),
// until one is held or none is free; charge the wallet the seat's price and pay. Once the schedule
// is sold out a round ends at the seat map, as the peer's does: most of the run is fans finding
// it sold out, as at a real sale.
//
// Figures: k6's http_req_duration (p95, p99, max) and http_reqs (req/s) over every request.
//
// Env: BASE_URL, VUS (100), DURATION (110s), CONCERT_INDEX (the concert whose first schedule is
// sold; 0), SESSIONS_FILE or USER_OFFSET + PASSWORD.
import { sleep } from 'k6';
import { Counter } from 'k6/metrics';
import * as api from './lib/api.js';
import { latencyMs, numberEnv, textEnv } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';

const roundsPaid = new Counter('rounds_paid');
const roundsSoldOut = new Counter('rounds_sold_out');

export const options = {
  ...summaryOptions,
  scenarios: {
    loop: {
      executor: 'constant-vus',
      vus: numberEnv('VUS', 100),
      duration: textEnv('DURATION', '110s'),
    },
  },
  thresholds: {
    // Broad on purpose: the loop reports its latency, the budget is read off the report.
    http_req_duration: [`p(95)<${latencyMs(1000)}`],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    rounds_paid: ['count>0'],
  },
};

/** The one schedule every fan buys from. */
export function setup() {
  const concerts = api.listConcerts(100);
  if (!concerts.ok) throw new Error('setup: the concert list failed');
  const concert = concerts.body.items[Number(textEnv('CONCERT_INDEX', '0'))];
  const schedules = api.listSchedules(concert.concertId);
  if (!schedules.ok) throw new Error('setup: the schedule list failed');
  return { scheduleId: schedules.body[0].scheduleId };
}

export default function ({ scheduleId }) {
  const session = sessionOfVu();
  const entered = api.takeQueueToken(session, scheduleId);
  if (!entered.ok) return sleep(1);
  const { queueToken } = entered.body;
  // A token the last round's payment ended answers 410 (or the hold 403): the next round enters
  // again, as the peer's loop does on its 404.
  const poll = () => api.currentQueueToken(session, queueToken, { orSpent: true });
  let token = poll();
  // The loop's active limit admits every VU at once; a WAITING token is polled as paced.
  while (token.status === 200 && token.body.status !== 'ACTIVE') {
    sleep(token.body.pollAfterSeconds);
    token = poll();
  }
  if (token.status !== 200) return;

  api.listConcerts(10);
  let hold;
  while (hold === undefined) {
    const map = api.seatMap(scheduleId);
    if (!map.ok) return;
    const free = map.body.seats.filter((seat) => seat.status === 'AVAILABLE');
    if (free.length === 0) {
      roundsSoldOut.add(1);
      return;
    }
    const seat = free[Math.floor(Math.random() * free.length)];
    const answer = api.holdSeat(
      session,
      queueToken,
      { scheduleId, seatId: seat.seatId },
      { contended: true, orSpent: true },
    );
    if (answer.status === 201) hold = answer.body;
    else if (answer.status !== 409) return;
  }
  const charged = api.charge(session, hold.price, crypto.randomUUID());
  if (!charged.ok) return;
  const paid = api.pay(session, queueToken, hold.reservationId);
  if (paid.ok) roundsPaid.add(1);
}

export const handleSummary = summaryHandler();
