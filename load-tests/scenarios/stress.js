// Stress (reference 002's search for where errors begin): fans browse a seat map, take or
// refresh their queue token and read their balance, with THINK seconds (0.5, give or take
// THINK_SPREAD of it) between rounds.
// Their number climbs in steps of STEP_VUS (100): each step ramps for STEP_RAMP (5s) and holds
// for STEP_HOLD (20s), up to STEPS steps (15). Every request is tagged with its step; a step
// whose p95 passes P95_LIMIT_MS (1000) or whose failures pass 1 % aborts the run. The knee is
// the last step that stayed within both: its VU count and request rate go into the summary as
// knee_vus and knee_rps (with every step's figures under "stress"). k6 exits 99 when a step
// crossed the line, which for this scenario is the expected end, not a failure.
//
// Env: BASE_URL, STEP_VUS, STEPS, STEP_RAMP, STEP_HOLD, THINK, THINK_SPREAD, P95_LIMIT_MS,
// CONCERTS (10), SESSIONS_FILE (STEP_VUS x STEPS fans) or USER_OFFSET + PASSWORD.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { readWallet, seatMap, takeQueueToken } from './lib/api.js';
import { scheduleIdsOfFirst } from './lib/catalogue.js';
import { numberEnv, seconds, textEnv, thinkSeconds } from './lib/env.js';
import { sessionOfVu } from './lib/sessions.js';
import { addGauge, summaryHandler, summaryOptions } from './lib/summary.js';

const stepVus = numberEnv('STEP_VUS', 100);
const steps = numberEnv('STEPS', 15);
const stepRamp = textEnv('STEP_RAMP', '5s');
const stepHold = textEnv('STEP_HOLD', '20s');
const stepSeconds = seconds(stepRamp) + seconds(stepHold);
const p95Limit = numberEnv('P95_LIMIT_MS', 1000);
const stepNumbers = Array.from({ length: steps }, (_, step) => step);

export const options = {
  ...summaryOptions,
  scenarios: {
    climb: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: stepNumbers.flatMap((step) => [
        { duration: stepRamp, target: (step + 1) * stepVus },
        { duration: stepHold, target: (step + 1) * stepVus },
      ]),
      gracefulRampDown: '5s',
    },
  },
  thresholds: Object.fromEntries(
    stepNumbers.flatMap((step) => [
      [`http_req_duration{stage:${step}}`, [abortWhenCrossed(`p(95)<${p95Limit}`)]],
      [`http_req_failed{stage:${step}}`, [abortWhenCrossed('rate<0.01')]],
      // Listed so the summary carries each step's request count.
      [`http_reqs{stage:${step}}`, ['count>=0']],
    ]),
  ),
};

function abortWhenCrossed(threshold) {
  return { threshold, abortOnFail: true, delayAbortEval: '5s' };
}

export function setup() {
  return { scheduleIds: scheduleIdsOfFirst(numberEnv('CONCERTS', 10)) };
}

export default function ({ scheduleIds }) {
  const elapsed = (Date.now() - exec.scenario.startTime) / 1000;
  const tags = { stage: String(Math.min(steps - 1, Math.floor(elapsed / stepSeconds))) };
  const session = sessionOfVu();
  const scheduleId = scheduleIds[exec.vu.idInTest % scheduleIds.length];
  seatMap(scheduleId, { raw: true, tags });
  takeQueueToken(session, scheduleId, tags);
  readWallet(session, tags);
  sleep(thinkSeconds(0.5));
}

export const handleSummary = summaryHandler((data) => {
  const figures = stepNumbers
    .map((step) => ({
      step,
      vus: (step + 1) * stepVus,
      requests: data.metrics[`http_reqs{stage:${step}}`]?.values.count ?? 0,
      p95Ms: data.metrics[`http_req_duration{stage:${step}}`]?.values['p(95)'],
      failedShare: data.metrics[`http_req_failed{stage:${step}}`]?.values.rate ?? 0,
    }))
    .filter((figure) => figure.requests > 0)
    .map((figure) => ({ ...figure, requestsPerSecond: figure.requests / stepSeconds }));
  const outside = figures.findIndex((f) => !(f.p95Ms < p95Limit) || f.failedShare >= 0.01);
  // A run that ended before its last step was stopped by a crossed threshold during the step it
  // ended in, even when that step's end-of-run figures (cut short) look within the limits.
  const stoppedEarly = figures.length > 0 && figures[figures.length - 1].step < steps - 1;
  const crossed = outside === -1 && stoppedEarly ? figures.length - 1 : outside;
  const within = crossed === -1 ? figures : figures.slice(0, crossed);
  const knee = within[within.length - 1];
  data.stress = { stepSeconds, p95LimitMs: p95Limit, kneeReached: crossed !== -1, steps: figures };
  addGauge(data, 'knee_vus', knee ? knee.vus : 0);
  addGauge(data, 'knee_rps', knee ? knee.requestsPerSecond : 0);
});
