// Token spike (reference 003): SPIKE_VUS fans (default 300) arrive within RAMP_UP (2s), stay for
// HOLD (5s) and leave within RAMP_DOWN (2s); each asks for its queue token of one schedule as the
// server paces it (pollAfterSeconds, at least a second), as a waiting-room page would. Each VU is its own signed-in fan (sessions come from the runner,
// so signing in is not what the spike measures). The waiting room must answer fast while it
// admits its active limit and lines up the rest, and never admit more than the limit.
//
// Env: BASE_URL, SPIKE_VUS (300), RAMP_UP, HOLD, RAMP_DOWN, P95_MS (300; the budget for the
// 3,000-VU variant is 100), SESSIONS_FILE or USER_OFFSET + PASSWORD.
import { check, sleep } from 'k6';
import { queueStats, takeQueueToken } from './lib/api.js';
import { scheduleIdsOfFirst } from './lib/catalogue.js';
import { latencyMs, numberEnv, textEnv } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';

const spikeVus = numberEnv('SPIKE_VUS', 300);

export const options = {
  ...summaryOptions,
  scenarios: {
    spike: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: textEnv('RAMP_UP', '2s'), target: spikeVus },
        { duration: textEnv('HOLD', '5s'), target: spikeVus },
        { duration: textEnv('RAMP_DOWN', '2s'), target: 0 },
      ],
      gracefulRampDown: '2s',
    },
  },
  thresholds: {
    token_response_time: [`p(95)<${latencyMs(numberEnv('P95_MS', 300))}`],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

/** Every fan of the spike wants the same sale: the first schedule of the first concert. */
export function setup() {
  return { scheduleId: scheduleIdsOfFirst(1)[0] };
}

// Each VU asks again no sooner than the server's pacing says (pollAfterSeconds: 0 once ACTIVE,
// when a page would stop asking; it asks again after a second, as before).
export default function ({ scheduleId }) {
  const token = takeQueueToken(sessionOfVu(), scheduleId);
  sleep(Math.max(1, token.ok ? token.body.pollAfterSeconds : 1));
}

export function teardown({ scheduleId }) {
  const stats = queueStats(scheduleId);
  check(stats.body, {
    'waiting room: active within the limit after the spike': (s) =>
      s !== undefined && s.active <= s.activeLimit,
  });
}

export const handleSummary = summaryHandler();
