import { sleep } from 'k6';
import { Trend } from 'k6/metrics';
import { currentQueueToken, takeQueueToken } from './api.js';

// Time from the token answer to ACTIVE: the queue wait every per-request threshold leaves out.
const queueWaitTime = new Trend('queue_wait_time', true);

// A waiting-room page polls about once a second near the front of the line and less often
// further back, as the token's estimatedWaitSeconds suggests: a thousand fans polling twice a
// second would load the system more than the on-sale itself.
const LONGEST_POLL_SECONDS = 5;

export function nextPollSeconds(token, pollSeconds) {
  return Math.min(LONGEST_POLL_SECONDS, Math.max(pollSeconds, token.estimatedWaitSeconds / 2));
}

/**
 * Takes the fan's queue token and polls it until it is ACTIVE. Returns the queue token, or
 * undefined if a call failed or the fan was not admitted within `timeoutSeconds`.
 */
export function enterWaitingRoom(session, { timeoutSeconds = 120, pollSeconds = 1 } = {}) {
  const entered = takeQueueToken(session);
  if (!entered.ok) return undefined;
  const { queueToken } = entered.body;
  const started = Date.now();
  let token = entered.body;
  while (token.status !== 'ACTIVE') {
    if (Date.now() - started > timeoutSeconds * 1000) {
      console.warn(`${session.username} not admitted within ${timeoutSeconds} s`);
      return undefined;
    }
    sleep(nextPollSeconds(token, pollSeconds));
    const current = currentQueueToken(session, queueToken);
    if (!current.ok) return undefined;
    token = current.body;
  }
  queueWaitTime.add(Date.now() - started);
  return queueToken;
}
