// Catalogue read (references 002 and 004): VUS fans (default 100) each read a seat map
// ITERATIONS times (1,000) as fast as answers come, spread over the schedules of the first
// CONCERTS concerts (10). The runner runs it twice, with the concert service's CATALOGUE_CACHE
// off and on, and the report sets the two side by side (requests/s and latency).
//
// Every answer is checked for status and shape, but on the text (scheduleId and a seats list),
// not parsed: parsing 100,000 seat maps would take the CPU the services need on a small machine.
//
// Env: BASE_URL, VUS (100), ITERATIONS (1000), CONCERTS (10), P95_MS (300),
// MIN_RPS (unset: no throughput threshold; the budget for cached reads is 3000).
import exec from 'k6/execution';
import { seatMap } from './lib/api.js';
import { scheduleIdsOfFirst } from './lib/catalogue.js';
import { latencyMs, numberEnv, textEnv } from './lib/env.js';
import { summaryHandler, summaryOptions } from './lib/summary.js';

const minRps = textEnv('MIN_RPS', '');

export const options = {
  ...summaryOptions,
  scenarios: {
    reads: {
      executor: 'per-vu-iterations',
      vus: numberEnv('VUS', 100),
      iterations: numberEnv('ITERATIONS', 1000),
      maxDuration: textEnv('MAX_DURATION', '10m'),
    },
  },
  thresholds: {
    seat_response_time: [`p(95)<${latencyMs(numberEnv('P95_MS', 300))}`],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    ...(minRps && { 'http_reqs{step:seats}': [`rate>=${minRps}`] }),
  },
};

export function setup() {
  return { scheduleIds: scheduleIdsOfFirst(numberEnv('CONCERTS', 10)) };
}

export default function ({ scheduleIds }) {
  const turn = exec.vu.idInTest + exec.vu.iterationInScenario;
  const scheduleId = scheduleIds[turn % scheduleIds.length];
  seatMap(scheduleId, { raw: true });
}

export const handleSummary = summaryHandler();
