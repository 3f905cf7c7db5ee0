// Arrival spike (the stress knee, reference 003) over the soak's steady mix: VUS fans (50) go round
// as in soak.js for DURATION, and SPIKE_START (30s) in, SPIKE_FANS new fans (400) arrive at once
// and for SPIKE_DURATION (60s) each takes a queue token and polls it as a waiting-room page does,
// leaves once admitted and lines up again: far beyond the active limit, so the line grows and the
// waiting room must keep the rest of the sale working. When the spike ends its fans leave the
// line, admitted or not: a closed page's token would hold its place (or an active slot, for the
// token's whole lifetime) after the drill's fault is over. Every VU is a fan of its own, so
// SESSIONS_FILE must hold VUS + SPIKE_FANS sessions (or USER_OFFSET + PASSWORD sign them in).
//
// Env: as soak.js, plus SPIKE_FANS, SPIKE_START, SPIKE_DURATION.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { currentQueueToken, leaveQueue, takeQueueToken } from './lib/api.js';
import { scheduleIdsOfFirst } from './lib/catalogue.js';
import { solvedProof } from './lib/door.js';
import { numberEnv, seconds, textEnv } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';
import { nextPollSeconds } from './lib/waiting-room.js';
import soakRound from './soak.js';

const spikeSeconds = textEnv('SPIKE_DURATION', '60s');

export const options = {
  ...summaryOptions,
  scenarios: {
    steady: {
      executor: 'constant-vus',
      exec: 'steady',
      vus: numberEnv('VUS', 50),
      duration: textEnv('DURATION', '10m'),
    },
    spike: {
      executor: 'constant-vus',
      exec: 'spike',
      vus: numberEnv('SPIKE_FANS', 400),
      startTime: textEnv('SPIKE_START', '30s'),
      duration: spikeSeconds,
      // Time for the last poll's wait and the leave.
      gracefulStop: '10s',
    },
  },
};

export function steady() {
  soakRound();
}

/** The spike's fans all want the first schedule of the first concert. */
export function setup() {
  return { spikeScheduleId: scheduleIdsOfFirst(1)[0] };
}

export function spike({ spikeScheduleId }) {
  const session = sessionOfVu();
  const endsAt = exec.scenario.startTime + seconds(spikeSeconds) * 1000;
  const proof = solvedProof(session, spikeScheduleId);
  const entered =
    proof === undefined ? undefined : takeQueueToken(session, spikeScheduleId, undefined, proof);
  if (!entered?.ok) return sleep(1);
  const { queueToken } = entered.body;
  let token = entered.body;
  while (token.status !== 'ACTIVE' && Date.now() < endsAt) {
    sleep(Math.min(nextPollSeconds(token), Math.max(0, (endsAt - Date.now()) / 1000)));
    const current = currentQueueToken(session, queueToken);
    if (!current.ok) break;
    token = current.body;
  }
  leaveQueue(session, queueToken);
}

export const handleSummary = summaryHandler();
