// The token spike's shape (3,000 VUs in 2 s, hold 5 s, leave in 2 s, one request a second each,
// status and body checked) against the bare server: the floor any system under test adds to.
// Usage: npx tsx load-tests/src/ceilings/bare-server-cli.ts &
//        .local/toolchain/bin/k6 run load-tests/probes/k6-ceiling.js
// The on-sale scenario's runner runs it too (src/on-sale/k6-ceiling.ts), with its own bare server
// (TARGET) and SUMMARY_FILE. Env: TARGET, SPIKE_VUS (3000), RAMP_UP (2s), HOLD (5s), RAMP_DOWN (2s).
import { check, sleep } from 'k6';
import http from 'k6/http';
import { summaryHandler } from '../scenarios/lib/summary.js';

const target = __ENV.TARGET || 'http://127.0.0.1:29999';
const vus = Number(__ENV.SPIKE_VUS || 3000);

export const options = {
  stages: [
    { duration: __ENV.RAMP_UP || '2s', target: vus },
    { duration: __ENV.HOLD || '5s', target: vus },
    { duration: __ENV.RAMP_DOWN || '2s', target: 0 },
  ],
};

export default function () {
  const res = http.post(`${target}/api/v1/queue/tokens`, '{"scheduleId":"probe"}', {
    headers: { Authorization: 'Bearer probe', 'Content-Type': 'application/json' },
  });
  check(res, {
    'token: status 200': (r) => r.status === 200,
    'token: body shape': (r) => JSON.parse(r.body).status === 'WAITING',
  });
  sleep(1);
}

export const handleSummary = summaryHandler();
