// The fan's whole journey (references 000 and 001): VUS fans (default 1,000) each sign in, list
// the concerts, the schedules of concert CONCERT_INDEX and a seat map, take a queue token, poll
// it until ACTIVE, hold a seat and pay, then read their balance. Fans come in pairs contending
// for one seat (VUs 2k+1 and 2k+2 pick the same seat, pairs spread over the concert's schedules),
// so exactly half win; the loser's 409 is an expected answer, after which it leaves the queue.
// Arrivals ramp evenly over RAMP (default 30s): 1,000 sign-ins in the same instant would measure
// the password hash, not the journey.
//
// Thresholds apply per request with the queue wait left out (polls are tagged queue_wait=true
// and their time goes to queue_poll_response_time and queue_wait_time).
//
// Env: BASE_URL, VUS (1000, even), RAMP (30s), CONCERT_INDEX (0), USER_OFFSET (0), PASSWORD,
// QUEUE_TIMEOUT (seconds a fan waits to be admitted, 300), MAX_DURATION (10m).
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import * as api from './lib/api.js';
import { latencyMs, numberEnv, seconds, textEnv } from './lib/env.js';
import { PASSWORD, username } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';
import { enterWaitingRoom } from './lib/waiting-room.js';

const vus = numberEnv('VUS', 1000);
const rampSeconds = seconds(textEnv('RAMP', '30s'));
const seatWins = new Counter('seat_wins');
const seatLosses = new Counter('seat_losses');
const journeysCompleted = new Counter('journeys_completed');

export const options = {
  ...summaryOptions,
  scenarios: {
    journey: {
      executor: 'per-vu-iterations',
      vus,
      iterations: 1,
      maxDuration: textEnv('MAX_DURATION', '10m'),
    },
  },
  thresholds: {
    'http_req_duration{queue_wait:false}': [
      `avg<${latencyMs(200)}`,
      `p(95)<${latencyMs(300)}`,
      `max<${latencyMs(500)}`,
    ],
    // Listed so the summary carries the request rate without the polls.
    'http_reqs{queue_wait:false}': ['count>0'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    seat_wins: [`count==${Math.floor(vus / 2)}`],
    seat_losses: [`count==${Math.floor(vus / 2)}`],
    journeys_completed: [`count==${vus}`],
  },
};

export default function () {
  const fan = exec.vu.idInTest - 1;
  sleep((rampSeconds * fan) / vus);
  const session = api.signIn(username(fan), PASSWORD);
  if (!session) return;
  const seat = pickSeat(Math.floor(fan / 2));
  if (!seat) return;
  const queueToken = enterWaitingRoom(session, seat.scheduleId, {
    timeoutSeconds: numberEnv('QUEUE_TIMEOUT', 300),
  });
  if (!queueToken) return;

  const hold = api.holdSeat(session, queueToken, seat, { contended: true });
  let paidBalance;
  if (hold.status === 201) {
    seatWins.add(1);
    const paid = api.pay(session, queueToken, hold.body.reservationId);
    if (paid.ok && paid.body.status === 'COMPLETED') paidBalance = paid.body.balance;
  } else if (hold.status === 409) {
    seatLosses.add(1);
    api.leaveQueue(session, queueToken);
  }
  if (!hold.ok) return;

  const wallet = api.readWallet(session);
  if (paidBalance !== undefined) {
    check(wallet.body, { 'balance: as the payment left it': (w) => w?.balance === paidBalance });
  }
  if (wallet.ok) journeysCompleted.add(1);
}

/** Pair k's seat: schedule k mod S of the concert, seat number floor(k / S) + 1. */
function pickSeat(pair) {
  const concerts = api.listConcerts();
  const concert = concerts.ok ? concerts.body.items[numberEnv('CONCERT_INDEX', 0)] : undefined;
  if (!concert) return undefined;
  const schedules = api.listSchedules(concert.concertId);
  if (!schedules.ok || schedules.body.length === 0) return undefined;
  const { scheduleId } = schedules.body[pair % schedules.body.length];
  const map = api.seatMap(scheduleId);
  if (!map.ok) return undefined;
  const number = Math.floor(pair / schedules.body.length) + 1;
  const seat = map.body.seats.find((candidate) => candidate.number === number);
  check(seat, { 'seats: the pair has a seat to contend for': (s) => s !== undefined });
  return seat && { scheduleId, seatId: seat.seatId };
}

export const handleSummary = summaryHandler();
