// The door of the waiting room: each fan asks for a schedule's challenge, solves it with
// k6/crypto and joins that schedule's room with the proof, as a browser would. A wrong number
// must be refused (403 challenge-failed), and the proof once spent must not work for a second
// token: run against a system whose QUEUE_CHALLENGE_DIFFICULTY is above 0, or the checks fail.
//
// Env: BASE_URL, VUS (3), CONCERT_INDEX (0), SESSIONS_FILE or
// USER_OFFSET + PASSWORD.
import { check } from 'k6';
import { Counter } from 'k6/metrics';
import { call } from './lib/call.js';
import { concertAt, scheduleIdsOf } from './lib/catalogue.js';
import { proofOf, queueChallenge, solveQueueChallenge } from './lib/door.js';
import { numberEnv } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';

const vus = numberEnv('VUS', 3);
// Every fan must get through: a VU that throws or is refused adds nothing here.
const fansThrough = new Counter('door_fans_through');

export const options = {
  ...summaryOptions,
  scenarios: {
    door: {
      executor: 'per-vu-iterations',
      vus,
      iterations: 1,
      maxDuration: '60s',
    },
  },
  thresholds: { checks: ['rate>0.99'], door_fans_through: [`count>=${vus}`] },
};

export function setup() {
  const concert = concertAt(numberEnv('CONCERT_INDEX', 0));
  return { scheduleId: scheduleIdsOf(concert.concertId)[0] };
}

const isToken = (t) => typeof t.queueToken === 'string' && t.queueToken.length > 0;
const isRefusal = (b) => typeof b.type === 'string' && b.type.endsWith('/challenge-failed');

function join(session, scheduleId, proof, answers) {
  return call('token', 'POST', '/api/v1/queue/tokens', {
    session,
    body: { scheduleId, proof },
    answers,
  });
}

export default function ({ scheduleId }) {
  const session = sessionOfVu();
  const wrong = queueChallenge(session, scheduleId);
  if (!wrong.ok) return;
  const refused = join(session, scheduleId, proofOf(wrong.body, wrong.body.maxnumber + 1), {
    403: isRefusal,
  });

  const challenge = queueChallenge(session, scheduleId);
  if (!challenge.ok) return;
  const started = Date.now();
  const proof = solveQueueChallenge(challenge.body);
  const solvedMs = Date.now() - started;
  const joined = join(session, scheduleId, proof, { 201: isToken });
  if (!joined.ok) return;
  const left = call('leave', 'DELETE', '/api/v1/queue/tokens/current', {
    session,
    queueToken: joined.body.queueToken,
    answers: { 204: null },
  });
  const replayed = join(session, scheduleId, proof, { 403: isRefusal });

  fansThrough.add(1);
  check(null, {
    'door: a wrong number is refused': () => refused.ok,
    'door: a VU solves the challenge in under a second': () => solvedMs < 1000,
    'door: a spent proof gets no second token': () => left.ok && replayed.ok,
  });
}

export const handleSummary = summaryHandler();
