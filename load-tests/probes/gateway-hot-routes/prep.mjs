// 100 signed-in fans (user1…user100) and the 50 schedules with their seat ids, for hot.js, in the
// current folder. Usage: node prep.mjs http://127.0.0.1:<gateway port>
import { writeFileSync } from 'node:fs';
const base = process.argv[2];
const json = async (path, init) => {
  const r = await fetch(base + path, init);
  if (!r.ok) throw new Error(`${path} ${r.status} ${await r.text()}`);
  return r.json();
};
const sessions = [];
for (let i = 1; i <= 100; i += 10) {
  sessions.push(
    ...(await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        json('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `user${i + k}`, password: 'password' }),
        }),
      ),
    )),
  );
}
writeFileSync('sessions.json', JSON.stringify(sessions.map((s) => s.accessToken)));
const schedules = [];
for (const c of (await json('/api/v1/concerts?limit=100')).items) {
  for (const s of await json(`/api/v1/concerts/${c.concertId}/schedules`)) {
    const map = await json(`/api/v1/schedules/${s.scheduleId}/seats`);
    schedules.push({ scheduleId: s.scheduleId, seatIds: map.seats.map((x) => x.seatId) });
  }
}
writeFileSync('schedules.json', JSON.stringify(schedules));
console.log(sessions.length, schedules.length, schedules[0].seatIds.length);
