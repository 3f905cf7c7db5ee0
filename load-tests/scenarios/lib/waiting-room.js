import { sleep } from 'k6';
import { Trend } from 'k6/metrics';
import { currentQueueToken, takeQueueToken } from './api.js';
import { solvedProof } from './door.js';

// Time from the token answer to ACTIVE: the queue wait every per-request threshold leaves out.
const queueWaitTime = new Trend('queue_wait_time', true);

/**
 * A waiting-room page polls when the server says (pollAfterSeconds, also Retry-After): about once
 * a second near the front of the line, less often further back, at the opening from the pre-queue.
 */
export function nextPollSeconds(token) {
  return token.pollAfterSeconds;
}

/**
 * Passes the room's door (a solved challenge), takes the fan's queue token for the schedule and
 * polls it, as paced, until it is ACTIVE. Returns the queue token, or undefined if a call failed
 * or the fan was not admitted within `timeoutSeconds`.
 */
export function enterWaitingRoom(session, scheduleId, { timeoutSeconds = 120 } = {}) {
  const proof = solvedProof(session, scheduleId);
  if (proof === undefined) return undefined;
  const entered = takeQueueToken(session, scheduleId, undefined, proof);
  if (!entered.ok) return undefined;
  const active = waitUntilActive(session, entered.body, { timeoutSeconds });
  return active && active.queueToken;
}

/**
 * Polls a token the fan holds, as paced, until it is ACTIVE. Returns the ACTIVE token's view, or
 * undefined if a poll failed or the fan was not admitted within `timeoutSeconds`.
 * `retryUnavailable`: a 503 (the waiting room unavailable, Retry-After: 1) is asked again a second
 * later, as a waiting-room page does, instead of ending the wait; it still counts as failed.
 */
export function waitUntilActive(
  session,
  entered,
  { timeoutSeconds = 120, retryUnavailable = false } = {},
) {
  const { queueToken } = entered;
  const started = Date.now();
  let token = entered;
  while (token.status !== 'ACTIVE') {
    if (Date.now() - started > timeoutSeconds * 1000) {
      console.warn(`${session.username} not admitted within ${timeoutSeconds} s`);
      return undefined;
    }
    sleep(nextPollSeconds(token));
    const current = currentQueueToken(session, queueToken);
    if (retryUnavailable && current.status === 503) {
      token = { ...token, pollAfterSeconds: 1 };
      continue;
    }
    if (!current.ok) return undefined;
    token = current.body;
  }
  queueWaitTime.add(Date.now() - started);
  return token;
}
