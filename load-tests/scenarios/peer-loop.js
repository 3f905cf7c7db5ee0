// The peer-style closed loop: the shape a public NestJS implementation of the same system
// (Ksanbal/Concert-Reservation-API) benchmarks itself with, so the figures compare side by side.
// VUS signed-in fans (100) go round with no think time for DURATION (110s): take a queue token,
// poll it, list the concerts, read a seat map, hold a seat, charge the wallet the seat's price,
// and pay. Each round buys a seat nobody else wants: round g of the whole test (every VU's rounds
// numbered together) takes seat floor(g / S) + 1 of schedule g mod S, over the S schedules of the
// first CONCERTS concerts (all of them by default), so no hold meets a 409.
//
// Figures: k6's http_req_duration (p95, p99, max) and http_reqs (req/s) over every request.
//
// Env: BASE_URL, VUS (100), DURATION (110s), CONCERT_INDEX (use that concert only, for the
// smoke), SESSIONS_FILE or USER_OFFSET + PASSWORD.
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import * as api from './lib/api.js';
import { latencyMs, numberEnv, textEnv } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';

const roundsPaid = new Counter('rounds_paid');

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

/** Every schedule the loop buys from, listed once before the VUs start. */
export function setup() {
  const concerts = [];
  let cursor;
  do {
    const page = api.listConcerts(100, cursor);
    if (!page.ok) throw new Error('setup: the concert list failed');
    concerts.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  const index = textEnv('CONCERT_INDEX', '');
  const chosen = index === '' ? concerts : [concerts[Number(index)]];
  const scheduleIds = chosen.flatMap((concert) => {
    const schedules = api.listSchedules(concert.concertId);
    if (!schedules.ok) throw new Error('setup: a schedule list failed');
    return schedules.body.map((schedule) => schedule.scheduleId);
  });
  return { scheduleIds };
}

export default function ({ scheduleIds }) {
  const session = sessionOfVu();
  const round = exec.scenario.iterationInTest;
  const scheduleId = scheduleIds[round % scheduleIds.length];
  const number = Math.floor(round / scheduleIds.length) + 1;

  const entered = api.takeQueueToken(session, scheduleId);
  if (!entered.ok) return sleep(1);
  const { queueToken } = entered.body;
  let token = api.currentQueueToken(session, queueToken);
  // The loop's active limit admits every VU at once; a WAITING token is polled as paced.
  while (token.ok && token.body.status !== 'ACTIVE') {
    sleep(token.body.pollAfterSeconds);
    token = api.currentQueueToken(session, queueToken);
  }
  if (!token.ok) return;

  // The first page as a concert list page shows it, whatever the number of concerts seeded.
  api.listConcerts(10);
  const map = api.seatMap(scheduleId);
  const seat = map.ok ? map.body.seats.find((candidate) => candidate.number === number) : undefined;
  if (!check(seat, { 'seats: the round has a seat left to buy': (s) => s !== undefined })) {
    return sleep(1);
  }
  const hold = api.holdSeat(session, queueToken, { scheduleId, seatId: seat.seatId });
  if (!hold.ok) return;
  const charged = api.charge(session, hold.body.price, crypto.randomUUID());
  if (!charged.ok) return;
  const paid = api.pay(session, queueToken, hold.body.reservationId);
  if (paid.ok) roundsPaid.add(1);
}

export const handleSummary = summaryHandler();
