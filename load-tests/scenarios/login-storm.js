// The login storm: FANS seeded fans (1,000) arrive evenly within ARRIVAL (10s) and sign in with
// their password, hashed at the gateway's real cost. Beyond the gateway's bound on hashes in
// flight a login is answered 503 (or 429) with Retry-After at once; the fan waits that long and
// tries again, as a client app should, for up to GIVE_UP seconds (600). Once in, the fan renews
// its session once with the refresh token (no hash), as it would during the hour before a sale.
//
// A login that meets a closed connection (the gateway drops a keep-alive connection idle for
// 5 s, and a fan back from a longer Retry-After may send on it as it closes) is sent again a
// second later, as an app would, and counted in login_connection_errors.
//
// Figures: fans_in (its rate: fans signed in per second over the whole storm), login_retries
// (answers telling a fan to retry), sign_in_wait_time (a fan's arrival to being in, retries
// included), login_accepted_time and login_refused_time (one answer each), refresh_response_time.
//
// Env: BASE_URL, FANS (1000), ARRIVAL (10s), GIVE_UP (600), USER_OFFSET (0), PASSWORD.
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Trend } from 'k6/metrics';
import { BASE_URL, latencyMs, numberEnv, seconds, textEnv } from './lib/env.js';
import { PASSWORD, username } from './lib/sessions.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';

const fans = numberEnv('FANS', 1000);
const arrivalSeconds = seconds(textEnv('ARRIVAL', '10s'));
const giveUpSeconds = numberEnv('GIVE_UP', 600);

const fansIn = new Counter('fans_in');
const fansGivenUp = new Counter('fans_given_up');
const loginRetries = new Counter('login_retries');
const connectionErrors = new Counter('login_connection_errors');
const signInWait = new Trend('sign_in_wait_time', true);
const loginAccepted = new Trend('login_accepted_time', true);
const loginRefused = new Trend('login_refused_time', true);
const refreshTime = new Trend('refresh_response_time', true);

export const options = {
  ...summaryOptions,
  scenarios: {
    storm: {
      executor: 'per-vu-iterations',
      vus: fans,
      iterations: 1,
      maxDuration: `${Math.ceil(arrivalSeconds + giveUpSeconds + 30)}s`,
    },
  },
  thresholds: {
    fans_in: [`count==${fans}`],
    // The point of the bound: a refusal costs no hash and no wait.
    login_refused_time: [`p(95)<${latencyMs(50)}`],
    refresh_response_time: [`p(95)<${latencyMs(100)}`],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

const json = { headers: { 'Content-Type': 'application/json' } };
const tryAgain = http.expectedStatuses(200, 429, 503);

export default function () {
  const fan = exec.vu.idInTest - 1;
  sleep((arrivalSeconds * fan) / fans);
  const arrived = Date.now();
  const body = JSON.stringify({ username: username(fan), password: PASSWORD });
  for (;;) {
    const res = http.post(`${BASE_URL}/api/v1/auth/login`, body, {
      ...json,
      tags: { step: 'login' },
      responseCallback: tryAgain,
    });
    if (res.status === 200) {
      loginAccepted.add(res.timings.duration);
      signInWait.add(Date.now() - arrived);
      fansIn.add(1);
      refresh(res.json('refreshToken'));
      return;
    }
    if (res.status === 0 && (Date.now() - arrived) / 1000 < giveUpSeconds) {
      connectionErrors.add(1);
      sleep(1);
      continue;
    }
    const waitSeconds = Number(res.headers['Retry-After']);
    const refused = check(res, {
      'login: 200, or 429/503 with Retry-After': (r) =>
        (r.status === 429 || r.status === 503) && waitSeconds >= 1,
    });
    if (!refused) return;
    loginRefused.add(res.timings.duration);
    if ((Date.now() - arrived) / 1000 + waitSeconds > giveUpSeconds) {
      fansGivenUp.add(1);
      return;
    }
    loginRetries.add(1);
    sleep(waitSeconds);
  }
}

function refresh(refreshToken) {
  const res = http.post(`${BASE_URL}/api/v1/auth/refresh`, JSON.stringify({ refreshToken }), {
    ...json,
    tags: { step: 'refresh' },
  });
  refreshTime.add(res.timings.duration);
  check(res, {
    'refresh: 200 with a new refresh token': (r) =>
      r.status === 200 && r.json('refreshToken') !== refreshToken,
  });
}

export const handleSummary = summaryHandler();
