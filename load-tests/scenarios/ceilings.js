// Ceilings (issue 17): each hot path of a fan, with the same k6 shape, against the real system,
// against a bare Node server answering the bytes the real system answered, and against a bare
// chain answering them too (a bare forwarding process in front of a bare backend that makes the
// path's one PostgreSQL or Redis round trip first: the real path's structure and nothing else);
// all captured and started by the runner in the same run, src/ceilings/. One after the other: VUS
// fans, no pause, DURATION each. The order turns round every round (ROUNDS): real, bare, chain,
// then chain, bare, real, so a machine that gets busier halfway does not favour one side. The
// runner reads each path's requests and p95 from the summary (src/ceilings/ceiling-figures.ts)
// and reports the real path as a share of its ceiling and of its chain.
//
// The paths: the cached seat map, a queue token asked again (the fan holds one: 200), the token
// polled, the wallet's balance, and a seat held and released at once (only the hold is measured;
// the release frees the seat for the next round, and the bare sides answer it too).
//
// Every answer is checked on its text, the same check for every side, so the bare answers (one
// fan's, for every fan) pass exactly when the real one would.
//
// Env: BASE_URL, BARE_URL, CHAIN_URL, FANS_FILE (per VU: accessToken, queueToken, scheduleId,
// seatId), SEAT_MAP_SCHEDULE, VUS (100), DURATION (10s), ROUNDS (2), GAP (1s), PATHS (all,
// comma-separated).
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import { call, isProblem } from './lib/call.js';
import { numberEnv, seconds, textEnv } from './lib/env.js';
import { addGauge, summaryHandler, summaryOptions } from './lib/summary.js';

const fans = new SharedArray('fans', () => JSON.parse(open(textEnv('FANS_FILE', ''))));
const seatMapSchedule = textEnv('SEAT_MAP_SCHEDULE', '');
const targets = {
  real: textEnv('BASE_URL', ''),
  bare: textEnv('BARE_URL', ''),
  chain: textEnv('CHAIN_URL', ''),
};

const has = (text) => (body) => typeof body === 'string' && body.includes(text);

/** Each hot path as one request (or two, for the hold) of the VU's fan, by its step. */
const hotPaths = {
  'seat-map': {
    step: 'seats',
    run: (baseUrl) =>
      call('seats', 'GET', '/api/v1/schedules/{scheduleId}/seats', {
        baseUrl,
        path: `/api/v1/schedules/${seatMapSchedule}/seats`,
        raw: true,
        answers: { 200: has(`"scheduleId":"${seatMapSchedule}"`) },
      }),
  },
  token: {
    step: 'token',
    run: (baseUrl, fan) =>
      call('token', 'POST', '/api/v1/queue/tokens', {
        baseUrl,
        session: fan,
        body: { scheduleId: fan.scheduleId },
        raw: true,
        answers: { 200: has('"status":"ACTIVE"') },
      }),
  },
  poll: {
    step: 'queue_poll',
    run: (baseUrl, fan) =>
      call('queue_poll', 'GET', '/api/v1/queue/tokens/current', {
        baseUrl,
        session: fan,
        queueToken: fan.queueToken,
        raw: true,
        answers: { 200: has('"status":"ACTIVE"') },
      }),
  },
  balance: {
    step: 'balance',
    run: (baseUrl, fan) =>
      call('balance', 'GET', '/api/v1/wallet', {
        baseUrl,
        session: fan,
        raw: true,
        answers: { 200: has('"balance":') },
      }),
  },
  hold: {
    step: 'hold',
    run: (baseUrl, fan) => {
      const held = call('hold', 'POST', '/api/v1/reservations', {
        baseUrl,
        session: fan,
        queueToken: fan.queueToken,
        body: { scheduleId: fan.scheduleId, seatId: fan.seatId },
        answers: { 201: (b) => typeof b.reservationId === 'string' && b.status === 'HELD' },
      });
      if (!held.ok) return;
      call('leave', 'DELETE', '/api/v1/reservations/{reservationId}', {
        baseUrl,
        session: fan,
        path: `/api/v1/reservations/${held.body.reservationId}`,
        answers: { 204: null, 404: isProblem },
      });
    },
  },
};

const chosen = textEnv('PATHS', Object.keys(hotPaths).join(',')).split(',');
const unknown = chosen.filter((name) => !(name in hotPaths));
if (unknown.length > 0) throw new Error(`PATHS: no hot path ${unknown.join(', ')}`);

const vus = numberEnv('VUS', 100);
const duration = textEnv('DURATION', '10s');
const gap = textEnv('GAP', '1s');
const rounds = numberEnv('ROUNDS', 2);

/** real, bare, chain in odd rounds, chain, bare, real in even ones, each path after the other. */
function schedule() {
  const runs = [];
  for (let round = 1; round <= rounds; round += 1) {
    const order = round % 2 === 1 ? Object.keys(targets) : Object.keys(targets).reverse();
    for (const path of chosen) for (const target of order) runs.push({ round, path, target });
  }
  const every = seconds(duration) + seconds(gap);
  return Object.fromEntries(
    runs.map(({ round, path, target }, i) => [
      `${path}_${target}_${round}`,
      {
        executor: 'constant-vus',
        exec: 'ceiling',
        vus,
        duration,
        startTime: `${i * every}s`,
        // The gap is the grace: a run never overlaps the next.
        gracefulStop: gap,
        env: { CEILING_PATH: path, CEILING_TARGET: target },
        tags: { ceiling: path, target },
      },
    ]),
  );
}

const selector = (path, target) => `{ceiling:${path},target:${target},step:${hotPaths[path].step}}`;

/** What the runner reads: the measured step's requests and latency, per path and side. */
function thresholds() {
  const rules = { http_req_failed: ['rate<0.01'], checks: ['rate>0.99'] };
  for (const path of chosen) {
    for (const target of Object.keys(targets)) {
      rules[`http_reqs${selector(path, target)}`] = ['count>0'];
      rules[`http_req_duration${selector(path, target)}`] = ['p(95)>=0'];
    }
  }
  return rules;
}

/**
 * Each path's share of its ceiling as a gauge (ceiling_share_seat_map, …), for the report's
 * performance budget, and of its bare chain (chain_share_seat_map, …): every side ran as long, so
 * the share of requests is the share of req/s.
 */
function addShares(data) {
  const count = (path, target) => {
    const metric = data.metrics[`http_reqs${selector(path, target)}`];
    return metric ? metric.values.count : 0;
  };
  for (const path of chosen) {
    const name = path.replace('-', '_');
    const bare = count(path, 'bare');
    const chain = count(path, 'chain');
    if (bare > 0) addGauge(data, `ceiling_share_${name}`, count(path, 'real') / bare);
    if (chain > 0) addGauge(data, `chain_share_${name}`, count(path, 'real') / chain);
  }
}

export const options = { ...summaryOptions, scenarios: schedule(), thresholds: thresholds() };

/** When the schedule starts, for the runner's CPU windows (it reads this from the summary). */
export function setup() {
  return { startedAt: Date.now() };
}

export function ceiling() {
  const fan = fans[(exec.vu.idInTest - 1) % fans.length];
  hotPaths[__ENV.CEILING_PATH].run(targets[__ENV.CEILING_TARGET], fan);
}

export const handleSummary = summaryHandler(addShares);
