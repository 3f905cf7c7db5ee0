// Charge and balance (reference 000, scenario 2): VUS fans (default 100), each on their own
// wallet, charge a random amount with a fresh Idempotency-Key and read their balance, with THINK
// seconds (1, give or take THINK_SPREAD of it) between rounds, for DURATION (30s). Every
// REPLAY_EVERY-th round (5) sends the same charge again with the same key, which must replay
// the first answer and add nothing. After every round the fan's balance must equal its starting
// balance plus the charges accepted so far: each VU checks its own wallet, because teardown()
// cannot see what the VUs did.
//
// Env: BASE_URL, VUS (100), RAMP_UP (1s), DURATION (30s), THINK (1), THINK_SPREAD (0.5),
// REPLAY_EVERY (5), SESSIONS_FILE or USER_OFFSET + PASSWORD.
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Rate } from 'k6/metrics';
import { charge, readWallet } from './lib/api.js';
import { latencyMs, numberEnv, textEnv, thinkSeconds } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';

const balanceAddsUp = new Rate('balance_adds_up');
const replayEvery = numberEnv('REPLAY_EVERY', 5);

export const options = {
  ...summaryOptions,
  scenarios: {
    // Fans arrive over RAMP_UP rather than in one millisecond, as the reference's run did.
    wallets: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: textEnv('RAMP_UP', '1s'), target: numberEnv('VUS', 100) },
        { duration: textEnv('DURATION', '30s'), target: numberEnv('VUS', 100) },
      ],
    },
  },
  thresholds: {
    balance_adds_up: ['rate==1'],
    charge_response_time: [`p(95)<${latencyMs(300)}`],
    balance_response_time: [`p(95)<${latencyMs(300)}`],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

// This VU's wallet: what it held at the start and what the VU has had accepted since.
let startingBalance;
let accepted = 0;

export default function () {
  const session = sessionOfVu();
  if (startingBalance === undefined) {
    const first = readWallet(session);
    if (!first.ok) return;
    startingBalance = first.body.balance;
  }

  const amount = 1_000 * (1 + Math.floor(Math.random() * 100));
  const key = crypto.randomUUID();
  const charged = charge(session, amount, key);
  if (charged.ok) accepted += amount;
  if (charged.ok && exec.vu.iterationInScenario % replayEvery === replayEvery - 1) {
    const replay = charge(session, amount, key, { replay: 'true' });
    check(replay.body, {
      'charge: a replayed key answers the first answer': (b) => b?.balance === charged.body.balance,
    });
  }

  const wallet = readWallet(session);
  if (wallet.ok) {
    const expected = startingBalance + accepted;
    balanceAddsUp.add(wallet.body.balance === expected);
    if (wallet.body.balance !== expected) {
      console.warn(`${session.username}: balance ${wallet.body.balance}, expected ${expected}`);
    }
  }
  sleep(thinkSeconds(1));
}

export const handleSummary = summaryHandler();
