// One hot gateway route per run (MODE=seats|token|poll|balance|hold), 100 VUs, no pause, DURATION
// (15s); sessions.json and schedules.json from prep.mjs in STATE_DIR (measure.sh passes .local/gateway-hot-routes).
import http from 'k6/http';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
const BASE = __ENV.BASE_URL;
const MODE = __ENV.MODE;
const tokens = new SharedArray('s', () => JSON.parse(open(`${__ENV.STATE_DIR}/sessions.json`)));
const schedules = new SharedArray('c', () => JSON.parse(open(`${__ENV.STATE_DIR}/schedules.json`)));
export const options = {
  vus: 100,
  duration: __ENV.DURATION || '15s',
  summaryTrendStats: ['avg', 'p(95)', 'max'],
};
let mine;
function me() {
  if (mine) return mine;
  const i = exec.vu.idInTest - 1;
  const auth = {
    Authorization: `Bearer ${tokens[i % tokens.length]}`,
    'Content-Type': 'application/json',
  };
  const schedule = schedules[i % schedules.length];
  mine = { auth, schedule };
  if (MODE === 'poll' || MODE === 'hold') {
    const r = http.post(
      `${BASE}/api/v1/queue/tokens`,
      JSON.stringify({ scheduleId: schedule.scheduleId }),
      { headers: auth, tags: { setup: 'yes' } },
    );
    mine.queue = { ...auth, 'X-Queue-Token': r.json('queueToken') };
  }
  return mine;
}
export default function () {
  const { auth, schedule, queue } = me();
  let r;
  if (MODE === 'seats') {
    const s = schedules[exec.scenario.iterationInTest % schedules.length];
    r = http.get(`${BASE}/api/v1/schedules/${s.scheduleId}/seats`);
    check(r, { ok: (x) => x.status === 200 && x.body.includes('"seatId"') });
  } else if (MODE === 'token') {
    r = http.post(
      `${BASE}/api/v1/queue/tokens`,
      JSON.stringify({ scheduleId: schedule.scheduleId }),
      { headers: auth },
    );
    check(r, {
      ok: (x) => (x.status === 200 || x.status === 201) && x.body.includes('queueToken'),
    });
  } else if (MODE === 'poll') {
    r = http.get(`${BASE}/api/v1/queue/tokens/current`, { headers: queue });
    check(r, { ok: (x) => x.status === 200 && x.body.includes('"status"') });
    if (r.status !== 200) mine = undefined; // the queue token expired: take a new one
  } else if (MODE === 'balance') {
    r = http.get(`${BASE}/api/v1/wallet`, { headers: auth });
    check(r, { ok: (x) => x.status === 200 && x.body.includes('balance') });
  } else if (MODE === 'hold') {
    const seatId = schedule.seatIds[Math.floor(Math.random() * schedule.seatIds.length)];
    r = http.post(
      `${BASE}/api/v1/reservations`,
      JSON.stringify({ scheduleId: schedule.scheduleId, seatId }),
      { headers: queue },
    );
    check(r, { ok: (x) => x.status === 201 || x.status === 409 });
    if (r.status !== 201 && r.status !== 409) mine = undefined;
  }
}
