// Soak: a steady mixed load for DURATION (default 10m), watching for drift. VUS fans (50) go
// round: list concerts, a concert's schedules and a seat map, take a queue token and wait until
// ACTIVE, on every BOOK_EVERY-th round (5) hold a random free seat and pay, then leave the queue
// and think for THINK seconds (1, give or take THINK_SPREAD of it). Latency drift shows as the p95 of the first fifth of the run
// (early_response_time) against the last fifth (late_response_time), and their ratio
// (p95_drift_ratio) in the summary; the runner samples each service's resident memory alongside.
//
// Env: BASE_URL, VUS, DURATION, BOOK_EVERY, THINK, THINK_SPREAD, CONCERT_INDEX (unset: any concert),
// SESSIONS_FILE or USER_OFFSET + PASSWORD.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { Trend } from 'k6/metrics';
import * as api from './lib/api.js';
import { latencyMs, numberEnv, seconds, textEnv, thinkSeconds } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { addGauge, summaryHandler, summaryOptions } from './lib/summary.js';
import { enterWaitingRoom } from './lib/waiting-room.js';

const duration = textEnv('DURATION', '10m');
const windowSeconds = seconds(duration) / 5;
const bookEvery = numberEnv('BOOK_EVERY', 5);
const concertIndex = textEnv('CONCERT_INDEX', '');
const early = new Trend('early_response_time', true);
const late = new Trend('late_response_time', true);

export const options = {
  ...summaryOptions,
  scenarios: {
    steady: { executor: 'constant-vus', vus: numberEnv('VUS', 50), duration },
  },
  thresholds: {
    'http_req_duration{queue_wait:false}': [`p(95)<${latencyMs(300)}`],
    early_response_time: [`p(95)<${latencyMs(300)}`],
    late_response_time: [`p(95)<${latencyMs(300)}`],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

export default function () {
  const session = sessionOfVu();
  const browsed = browse();
  const queueToken =
    browsed && enterWaitingRoom(session, browsed.scheduleId, { timeoutSeconds: 60 });
  if (queueToken) {
    if (exec.vu.iterationInScenario % bookEvery === bookEvery - 1)
      book(session, queueToken, browsed.seats);
    watch(api.leaveQueue(session, queueToken));
  }
  sleep(thinkSeconds(1));
}

/** A schedule of a concert and its free seats, as a fan browsing the catalogue finds them. */
function browse() {
  const concerts = watch(api.listConcerts());
  const listed = concerts.ok ? concerts.body.items : [];
  if (listed.length === 0) return undefined;
  const index = concertIndex === '' ? random(listed.length) : Number(concertIndex);
  const schedules = watch(api.listSchedules(listed[index].concertId));
  if (!schedules.ok || schedules.body.length === 0) return undefined;
  const { scheduleId } = schedules.body[random(schedules.body.length)];
  const map = watch(api.seatMap(scheduleId));
  if (!map.ok) return undefined;
  const free = map.body.seats.filter((seat) => seat.status === 'AVAILABLE');
  return { scheduleId, seats: free.map((seat) => ({ scheduleId, seatId: seat.seatId })) };
}

function book(session, queueToken, seats) {
  if (seats.length === 0) return;
  // Another fan may take the same seat between the map and the hold: a 409 is expected.
  const hold = watch(
    api.holdSeat(session, queueToken, seats[random(seats.length)], { contended: true }),
  );
  if (hold.status === 201) watch(api.pay(session, queueToken, hold.body.reservationId));
}

/** Files each answer's time under the early or late window, when it falls in one. */
function watch(answer) {
  const elapsed = (Date.now() - exec.scenario.startTime) / 1000;
  if (elapsed < windowSeconds) early.add(answer.duration);
  else if (elapsed > 4 * windowSeconds) late.add(answer.duration);
  return answer;
}

function random(below) {
  return Math.floor(Math.random() * below);
}

export const handleSummary = summaryHandler((data) => {
  const earlyP95 = data.metrics.early_response_time?.values['p(95)'];
  const lateP95 = data.metrics.late_response_time?.values['p(95)'];
  if (earlyP95 > 0 && lateP95 !== undefined) addGauge(data, 'p95_drift_ratio', lateP95 / earlyP95);
});
