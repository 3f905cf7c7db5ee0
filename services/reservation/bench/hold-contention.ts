// Races holds against the real PostgreSQL (and Redis) to compare ways of keeping one live hold
// per seat. Run from services/reservation, with the template migrated:
//   npx tsx bench/hold-contention.ts [rounds]
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { createDatabase } from '../src/infra/database';
import { holdStrategies, type HoldAttempt } from './hold-strategies';

/* eslint-disable no-restricted-properties -- a script, not the service: no config module here */
const postgresUrl =
  process.env.POSTGRES_URL ?? 'postgres://headliner:headliner@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/* eslint-enable no-restricted-properties */
const rounds = Number(process.argv[2] ?? 3);

interface Scenario {
  name: string;
  /** Seat of each concurrent attempt; each attempt is a different fan. */
  seats: () => string[];
}

const scenarios: Scenario[] = [
  { name: '200 holds on one seat', seats: () => Array(200).fill(randomUUID()) },
  {
    name: '1,000 holds in pairs over 500 seats',
    seats: () => Array.from({ length: 500 }, () => randomUUID()).flatMap((seat) => [seat, seat]),
  },
];

async function race(attempt: HoldAttempt, seats: string[]) {
  const latencies: number[] = [];
  let held = 0;
  const started = performance.now();
  await Promise.all(
    seats.map(async (seatId) => {
      const t0 = performance.now();
      if ((await attempt(randomUUID(), seatId)) === 'held') held += 1;
      latencies.push(performance.now() - t0);
    }),
  );
  return { latencies, held, wallMs: performance.now() - started };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const admin = new Client({ connectionString: postgresUrl });
  await admin.connect();
  const database = `bench_${randomUUID().replaceAll('-', '')}`;
  await admin.query(`CREATE DATABASE ${database} TEMPLATE headliner_reservation_template`);
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  const db = createDatabase(url.toString());
  const redis = new Redis(redisUrl);
  const redisPrefix = `bench:${randomUUID()}:`;
  try {
    const strategies = holdStrategies({ db, redis, redisPrefix });
    console.log(`pool: 10 connections; ${rounds} rounds per cell after one warm-up round\n`);
    for (const scenario of scenarios) {
      console.log(`## ${scenario.name}`);
      console.log('strategy | held/round | p50 ms | p95 ms | max ms | holds/s');
      console.log('---|---|---|---|---|---');
      for (const [name, attempt] of Object.entries(strategies)) {
        await race(attempt, scenario.seats());
        const latencies: number[] = [];
        let wallMs = 0;
        const held = new Set<number>();
        for (let round = 0; round < rounds; round += 1) {
          const result = await race(attempt, scenario.seats());
          latencies.push(...result.latencies);
          wallMs += result.wallMs;
          held.add(result.held);
        }
        latencies.sort((a, b) => a - b);
        const throughput = Math.round(latencies.length / (wallMs / 1000));
        const cells = [50, 95, 100].map((p) => percentile(latencies, p).toFixed(1));
        console.log(`${name} | ${[...held].join(',')} | ${cells.join(' | ')} | ${throughput}`);
      }
      console.log('');
    }
  } finally {
    await db.$disconnect();
    const keys = await redis.keys(`${redisPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

void main();
