// An on-sale moment (issue 15): FANS signed-in fans (sessions from the runner) want one schedule
// of SEATS seats whose waiting room an admin set up in setup(): it opens OPEN_GAP_SECONDS after the
// last planned early arrival, with the load tests' door difficulty. PRE_QUEUE of the fans arrive,
// evenly spread, over the PRE_QUEUE_SECONDS before it opens; the rest over LATE_SECONDS after.
// Each fan asks for the door's challenge, solves it, joins, polls as the server paces it, and once
// ACTIVE reads the seat map, picks a free seat at random, holds it (HOLD_TRIES attempts, a 409
// meaning someone was faster), pays, or leaves the room when every seat is taken. Like a page, a
// fan asks again a second later (up to five times for a challenge, a join or a hold; until its
// deadline for a poll) when the waiting room answers 503 (Retry-After: 1); each such answer still
// counts in http_req_failed.
//
// Each fan prints one line `fan {json}` to the console (the runner passes --console-output and
// reads them into <scenario>.fairness.json): whether the join answered PRE_QUEUE, when the join was
// sent and answered (this machine's clock: one k6 process), when the queue admitted the fan (the
// ACTIVE token's expiresAt − its active TTL: Redis's clock, to the millisecond), and the outcome.
//
// Env: BASE_URL, FANS (3000), SEATS (300, checked against the seat map), PRE_QUEUE (2700),
// PRE_QUEUE_SECONDS (60), LATE_SECONDS (20), OPEN_GAP_SECONDS (5), ACTIVE_LIMIT (300),
// ACTIVE_TTL_SECONDS (300), IDLE_DROP_SECONDS (30), CHALLENGE_DIFFICULTY (10000), HOLD_TRIES (5),
// ADMIT_WITHIN_SECONDS (240), CONCERT_INDEX (0), ADMIN_USERNAME, ADMIN_PASSWORD, SESSIONS_FILE or
// USER_OFFSET + PASSWORD.
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Gauge } from 'k6/metrics';
import { holdSeat, leaveQueue, pay, seatMap, signIn, takeQueueToken } from './lib/api.js';
import { call } from './lib/call.js';
import { concertAt, scheduleIdsOf } from './lib/catalogue.js';
import { solvedProof } from './lib/door.js';
import { latencyMs, numberEnv, textEnv } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';
import { waitUntilActive } from './lib/waiting-room.js';

const fans = numberEnv('FANS', 3000);
const seats = numberEnv('SEATS', 300);
const preQueueFans = Math.min(fans, numberEnv('PRE_QUEUE', 2700));
const lateFans = fans - preQueueFans;
const preQueueMs = numberEnv('PRE_QUEUE_SECONDS', 60) * 1000;
const lateMs = numberEnv('LATE_SECONDS', 20) * 1000;
const openGapMs = numberEnv('OPEN_GAP_SECONDS', 5) * 1000;
const activeTtlSeconds = numberEnv('ACTIVE_TTL_SECONDS', 300);
const admitWithinSeconds = numberEnv('ADMIT_WITHIN_SECONDS', 240);
const holdTries = numberEnv('HOLD_TRIES', 5);
// Fans setup() gives to start before the first arrival (VUs start right after it).
const leadMs = 2000;

const seatsSold = new Gauge('on_sale_seats_sold');
const seatsShort = new Gauge('on_sale_seats_short');
const fansBought = new Counter('on_sale_fans_bought');
const fansSoldOut = new Counter('on_sale_fans_sold_out');
// Lost HOLD_TRIES races for a seat in a row: a real fan's bad luck, not a failure.
const fansGaveUp = new Counter('on_sale_fans_gave_up');
const fansNotThrough = new Counter('on_sale_fans_not_through');

const p95 = (ms) => [`p(95)<${latencyMs(ms)}`];
export const options = {
  ...summaryOptions,
  setupTimeout: '60s',
  teardownTimeout: '60s',
  scenarios: {
    onSale: {
      executor: 'per-vu-iterations',
      vus: fans,
      iterations: 1,
      maxDuration: `${Math.ceil((leadMs + preQueueMs + openGapMs) / 1000) + admitWithinSeconds + 60}s`,
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    // Every fan bought a seat, found them all sold or lost its races: none failed or timed out.
    on_sale_fans_not_through: ['count<1'],
    // Seats sold = min(fans, seats), read from the seat map after the run.
    on_sale_seats_short: ['value<1'],
    // No budget for an on-sale's steps (the report gives each p95): 5 s only catches a hang.
    challenge_response_time: p95(5000),
    token_response_time: p95(5000),
    queue_poll_response_time: p95(5000),
    seat_response_time: p95(5000),
    book_response_time: p95(5000),
    pay_response_time: p95(5000),
    // Listed so the summary has each step's request count (the token path's volume).
    'http_reqs{step:challenge}': ['count>=0'],
    'http_reqs{step:token}': ['count>=0'],
    'http_reqs{step:queue_poll}': ['count>=0'],
  },
};

function adminSession() {
  const session = signIn(textEnv('ADMIN_USERNAME', 'admin'), textEnv('ADMIN_PASSWORD', ''));
  if (!session) throw new Error('the admin could not sign in (ADMIN_USERNAME, ADMIN_PASSWORD)');
  return session;
}

/** Opens the schedule's room OPEN_GAP_SECONDS after the last planned early arrival. */
export function setup() {
  const concert = concertAt(numberEnv('CONCERT_INDEX', 0));
  const scheduleId = scheduleIdsOf(concert.concertId)[0];
  const map = seatMap(scheduleId);
  if (!map.ok) throw new Error(`the seat map of ${scheduleId} did not load`);
  const free = map.body.seats.filter((seat) => seat.status === 'AVAILABLE').length;
  if (free !== seats)
    throw new Error(`schedule ${scheduleId} has ${free} free seats, SEATS=${seats}`);

  const startsAt = Date.now() + leadMs;
  const opensAt = startsAt + preQueueMs + openGapMs;
  const room = call('admin', 'PUT', '/api/v1/admin/schedules/{scheduleId}/waiting-room', {
    path: `/api/v1/admin/schedules/${scheduleId}/waiting-room`,
    session: adminSession(),
    body: {
      opensAt: new Date(opensAt).toISOString(),
      activeLimit: numberEnv('ACTIVE_LIMIT', 300),
      activeTtlSeconds,
      idleDropSeconds: numberEnv('IDLE_DROP_SECONDS', 30),
      challengeDifficulty: numberEnv('CHALLENGE_DIFFICULTY', 10000),
    },
    answers: { 200: (b) => b.scheduleId === scheduleId && b.state === 'SCHEDULED' },
  });
  if (!room.ok) throw new Error(`the room of ${scheduleId} was not set up: ${room.status}`);
  return { scheduleId, startsAt, opensAt };
}

/** The n-th fan's planned arrival: early ones spread over the pre-queue, the rest after opening. */
function arrivalOf(n, { startsAt, opensAt }) {
  if (n < preQueueFans) return startsAt + ((n + 0.5) * preQueueMs) / preQueueFans;
  return opensAt + 1000 + ((n - preQueueFans + 0.5) * lateMs) / lateFans;
}

/** Not a 503 (the waiting room busy) nor a connection that failed: worth no retry. */
const isAnswered = (answer) => answer.status !== 503 && answer.status !== 0;

/** `attempt()` again a second later, up to five times in all, until `answered` holds. */
function untilAvailable(attempt, answered) {
  let result = attempt();
  for (let tries = 1; tries < 5 && !answered(result); tries += 1) {
    sleep(1);
    result = attempt();
  }
  return result;
}

function admittedAtOf(activeToken) {
  return Date.parse(activeToken.expiresAt) - activeTtlSeconds * 1000;
}

/** Holds a free seat and pays: 'bought', 'sold-out' (none free) or 'gave-up'/'failed'. */
function buy(session, queueToken, scheduleId) {
  for (let attempt = 0; attempt < holdTries; attempt += 1) {
    const map = seatMap(scheduleId);
    if (!map.ok) return 'failed';
    const free = map.body.seats.filter((seat) => seat.status === 'AVAILABLE');
    if (free.length === 0) return 'sold-out';
    const seat = free[Math.floor(Math.random() * free.length)];
    const held = untilAvailable(
      () => holdSeat(session, queueToken, { scheduleId, seatId: seat.seatId }, { contended: true }),
      isAnswered,
    );
    if (!held.ok) return 'failed';
    if (held.status === 409) continue;
    return pay(session, queueToken, held.body.reservationId).ok ? 'bought' : 'failed';
  }
  return 'gave-up';
}

export default function (sale) {
  const n = exec.vu.idInTest - 1;
  const session = sessionOfVu();
  sleep(Math.max(0, arrivalOf(n, sale) - Date.now()) / 1000);
  const fan = { n, plannedAt: Math.round(arrivalOf(n, sale)), outcome: 'failed' };
  try {
    const proof = untilAvailable(
      () => solvedProof(session, sale.scheduleId),
      (p) => p !== undefined,
    );
    if (proof === undefined) return;
    // From the first attempt's sending to the last one's answer: a join that timed out inside the
    // queue may still have placed the fan in line, and the retry then gets that place back.
    fan.sentAt = Date.now();
    const joined = untilAvailable(() => {
      const answer = takeQueueToken(session, sale.scheduleId, undefined, proof);
      fan.answeredAt = Date.now();
      return answer;
    }, isAnswered);
    if (!joined.ok) return;
    fan.preQueue = joined.body.status === 'PRE_QUEUE';
    const deadline = sale.opensAt + admitWithinSeconds * 1000;
    const active = waitUntilActive(session, joined.body, {
      timeoutSeconds: Math.max(1, (deadline - Date.now()) / 1000),
      retryUnavailable: true,
    });
    if (!active) {
      fan.outcome = 'not-admitted';
      return;
    }
    fan.admittedAt = admittedAtOf(active);
    fan.outcome = buy(session, active.queueToken, sale.scheduleId);
    if (fan.outcome !== 'bought') leaveQueue(session, active.queueToken);
  } finally {
    if (fan.outcome === 'bought') fansBought.add(1);
    else if (fan.outcome === 'sold-out') fansSoldOut.add(1);
    else if (fan.outcome === 'gave-up') fansGaveUp.add(1);
    else fansNotThrough.add(1);
    console.log(`fan ${JSON.stringify(fan)}`);
  }
}

/**
 * Seats sold, read from the seat map once payments still in flight have settled and the catalogue
 * has caught up (up to 30 s).
 */
export function teardown({ scheduleId }) {
  const expected = Math.min(fans, seats);
  let sold = 0;
  for (let waited = 0; waited <= 30 && sold < expected; waited += 1) {
    if (waited > 0) sleep(1);
    const map = seatMap(scheduleId);
    if (!map.ok) break;
    sold = map.body.seats.filter((seat) => seat.status === 'SOLD').length;
  }
  seatsSold.add(sold);
  seatsShort.add(expected - sold);
  check(sold, { 'on-sale: seats sold = min(fans, seats)': (s) => s === expected });
}

export const handleSummary = summaryHandler();
