import crypto from 'k6/crypto';
import encoding from 'k6/encoding';
import { call } from './call.js';

// The door of a schedule's waiting room as a fan's browser passes it: ask for a proof-of-work
// challenge (ALTCHA's v1 shape), find the number, join with the proof. k6/crypto hashed 266,000
// to 365,000 numbers a second in one VU on this machine (README: bot defence), so the load tests'
// QUEUE_CHALLENGE_DIFFICULTY of 10,000 costs a VU 5,000 hashes on average: well under a second.

const isHex64 = (value) => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
const isChallenge = (c) =>
  c.algorithm === 'SHA-256' &&
  isHex64(c.challenge) &&
  Number.isInteger(c.maxnumber) &&
  typeof c.salt === 'string' &&
  isHex64(c.signature);

export function queueChallenge(session, scheduleId, tags) {
  return call('challenge', 'GET', '/api/v1/queue/challenge', {
    path: `/api/v1/queue/challenge?scheduleId=${scheduleId}`,
    session,
    tags,
    answers: { 200: isChallenge },
  });
}

/** The proof `enterQueue` takes: ALTCHA's payload JSON, base64, with the number that solves it. */
export function solveQueueChallenge(challenge) {
  for (let number = 0; number <= challenge.maxnumber; number += 1) {
    if (crypto.sha256(challenge.salt + number, 'hex') === challenge.challenge) {
      return proofOf(challenge, number);
    }
  }
  throw new Error(`no number up to ${challenge.maxnumber} solves the challenge`);
}

export function proofOf(challenge, number) {
  const { algorithm, salt, signature } = challenge;
  const payload = { algorithm, challenge: challenge.challenge, number, salt, signature };
  return encoding.b64encode(JSON.stringify(payload), 'std');
}

/** A solved proof for this fan and room, or undefined when the challenge did not come. */
export function solvedProof(session, scheduleId, tags) {
  const challenge = queueChallenge(session, scheduleId, tags);
  return challenge.ok ? solveQueueChallenge(challenge.body) : undefined;
}
