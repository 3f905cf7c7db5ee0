// What one waiting room costs Redis, measured on the queue's own scripts: Redis's CPU per call
// (INFO commandstats, usec_per_call of EVALSHA) for joins, polls and verifies with FANS tokens in
// the room, and how long the pre-queue draw at opensAt holds Redis (one script, every token).
// Redis is single-threaded, so 1,000,000 / usec_per_call is what one shard could run of that
// script a second if it did nothing else.
// Usage (REDIS_URL from .local/infra.env): npx tsx load-tests/probes/room-script-cost.ts [FANS]
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createWaitingRoom } from '../../services/queue/src/infra/waiting-room';

const fans = Number(process.argv[2] ?? 100_000);
const batch = 500;
const redis = new Redis(process.env.REDIS_URL!);
const keyPrefix = `{capacity-${randomUUID()}}:`;
const room = createWaitingRoom({
  redis,
  keyPrefix,
  rules: {
    activeLimit: 1000,
    admissionRatePerMinute: null,
    activeTtlSeconds: 300,
    waitIdleSeconds: 600,
  },
});
const sale = randomUUID();
const users = Array.from({ length: fans }, (_, i) => `fan-${i}`);

async function evalshaStats() {
  const info = await redis.info('commandstats');
  const line = info.split('\n').find((row) => row.startsWith('cmdstat_evalsha:'));
  const field = (name: string) =>
    Number(new RegExp(`${name}=([\\d.]+)`).exec(line ?? '')?.[1] ?? 0);
  return { calls: field('calls'), usec: field('usec') };
}

async function measure<T>(label: string, items: T[], call: (item: T) => Promise<unknown>) {
  const before = await evalshaStats();
  const started = performance.now();
  for (let i = 0; i < items.length; i += batch)
    await Promise.all(items.slice(i, i + batch).map(call));
  const seconds = (performance.now() - started) / 1000;
  const after = await evalshaStats();
  const usecPerCall = (after.usec - before.usec) / (after.calls - before.calls);
  console.log(
    `${label}: ${items.length} calls, Redis ${usecPerCall.toFixed(1)} µs CPU a call ` +
      `(one shard: ${Math.round(1e6 / usecPerCall).toLocaleString('en-GB')}/s), ` +
      `client saw ${Math.round(items.length / seconds).toLocaleString('en-GB')}/s`,
  );
}

async function main() {
  const opensAt = new Date(Date.now() + 3_600_000).toISOString();
  await room.replaceRoomSettings(sale, { opensAt }, 'capacity-probe');
  const tokens: string[] = [];
  await measure(`join (pre-queue of ${fans})`, users, async (user) => {
    tokens.push((await room.enter(user, sale)).token.queueToken);
  });
  await room.replaceRoomSettings(sale, { opensAt: new Date().toISOString() }, 'capacity-probe');
  const started = performance.now();
  await room.enter('fan-after-opening', sale);
  console.log(
    `pre-queue draw of ${fans} at opensAt: one script, ${Math.round(performance.now() - started)} ms`,
  );
  const owner = new Map(tokens.map((token, i) => [token, users[i]]));
  await measure(`poll (line of ${fans})`, tokens, (token) => room.poll(owner.get(token)!, token));
  // Every slot freed at once: the next sweep admits the whole line in one atomic step.
  await room.replaceRoomSettings(sale, { opensAt: null, activeLimit: fans * 2 }, 'capacity-probe');
  const admitting = performance.now();
  await room.sweep();
  console.log(
    `admitting the line of ${fans - 1000} in one script: ${Math.round(performance.now() - admitting)} ms`,
  );
  await measure('verify', tokens.slice(0, 20_000), (token) =>
    room.verify(owner.get(token)!, token),
  );
  const stale = await redis.keys(`${keyPrefix}*`);
  for (let i = 0; i < stale.length; i += 1000) await redis.del(...stale.slice(i, i + 1000));
  redis.disconnect();
}

void main();
