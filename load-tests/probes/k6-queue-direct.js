// k6 straight at the queue service, with the statements queue-statements.mjs signed:
//   MODE=enter  each iteration a new fan joins the room (POST /api/v1/queue/tokens, 201);
//   MODE=poll   each VU's fan joined in setup, then polls (GET /api/v1/queue/tokens/current);
//   MODE=verify the same fans, checked as the gateway does per hold (POST /internal/.../verify).
// Usage: k6 run -e QUEUE_URL=http://127.0.0.1:19001 -e STATEMENTS=/abs/statements.json \
//          -e MODE=poll -e VUS=50 -e DURATION=10s load-tests/probes/k6-queue-direct.js
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { SharedArray } from 'k6/data';

const base = __ENV.QUEUE_URL;
const mode = __ENV.MODE ?? 'poll';
// Parsed once for all VUs; one small element per fan, as a SharedArray copies out what is read.
const users = new SharedArray('users', () => JSON.parse(open(__ENV.STATEMENTS)).users);
const { scheduleId, gateway } = new SharedArray('room', () => {
  const { scheduleId, gateway } = JSON.parse(open(__ENV.STATEMENTS));
  return [{ scheduleId, gateway }];
})[0];
const vus = Number(__ENV.VUS ?? 50);

export const options = {
  vus,
  duration: __ENV.DURATION ?? '10s',
  summaryTrendStats: ['avg', 'p(95)', 'p(99)', 'max'],
};

const userHeaders = (user) => ({
  'content-type': 'application/json',
  'x-caller-statement': user.statement,
});

export function setup() {
  if (mode === 'enter') return { tokens: [] };
  const tokens = Array.from({ length: vus }, (_, i) => users[i]).map((user) => {
    const res = http.post(`${base}/api/v1/queue/tokens`, JSON.stringify({ scheduleId }), {
      headers: userHeaders(user),
    });
    if (res.status !== 201) throw new Error(`setup enter answered ${res.status}: ${res.body}`);
    return res.json('queueToken');
  });
  return { tokens };
}

export default function ({ tokens }) {
  if (mode === 'enter') {
    // Fans beyond the first VUS (kept for poll/verify) each join once.
    const user = users[vus + exec.scenario.iterationInTest];
    const res = http.post(`${base}/api/v1/queue/tokens`, JSON.stringify({ scheduleId }), {
      headers: userHeaders(user),
    });
    check(res, { 'entered (201)': (r) => r.status === 201 });
    return;
  }
  const index = exec.vu.idInTest - 1;
  const user = users[index];
  const token = tokens[index];
  if (mode === 'poll') {
    const res = http.get(`${base}/api/v1/queue/tokens/current`, {
      headers: { ...userHeaders(user), 'x-queue-token': token },
    });
    check(res, { 'polled (200)': (r) => r.status === 200 });
    return;
  }
  const res = http.post(
    `${base}/internal/queue-tokens/verify`,
    JSON.stringify({ userId: user.id, queueToken: token }),
    { headers: { 'content-type': 'application/json', 'x-caller-statement': gateway } },
  );
  check(res, { 'verified (200)': (r) => r.status === 200 });
}
