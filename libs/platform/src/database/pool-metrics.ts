import type { Pool } from 'pg';
import { Gauge } from 'prom-client';

interface WatchedPool {
  name: string;
  max: number;
}

const pools = new Map<Pool, WatchedPool>();

/** Each name's pools, summed; pools that are closing are forgotten. */
function totalsByName(read: (pool: Pool, watched: WatchedPool) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [pool, watched] of pools) {
    if (pool.ending) {
      pools.delete(pool);
      continue;
    }
    totals.set(watched.name, (totals.get(watched.name) ?? 0) + read(pool, watched));
  }
  return totals;
}

// Read from the pools at scrape time: no timer, and always the pool's state of that moment.
new Gauge({
  name: 'pg_pool_connections',
  help: 'PostgreSQL pool connections by pool and state: in_use (checked out) or idle',
  labelNames: ['pool', 'state'],
  collect() {
    this.reset();
    const inUse = totalsByName((pool) => pool.totalCount - pool.idleCount);
    const idle = totalsByName((pool) => pool.idleCount);
    for (const [pool, count] of inUse) this.set({ pool, state: 'in_use' }, count);
    for (const [pool, count] of idle) this.set({ pool, state: 'idle' }, count);
  },
});

new Gauge({
  name: 'pg_pool_waiting_requests',
  help: 'Callers waiting for a PostgreSQL pool connection, by pool',
  labelNames: ['pool'],
  collect() {
    this.reset();
    for (const [pool, count] of totalsByName((p) => p.waitingCount)) this.set({ pool }, count);
  },
});

new Gauge({
  name: 'pg_pool_max_connections',
  help: 'Connections a PostgreSQL pool may open, by pool',
  labelNames: ['pool'],
  collect() {
    this.reset();
    for (const [pool, max] of totalsByName((_, watched) => watched.max)) this.set({ pool }, max);
  },
});

/**
 * Exposes the pool in pg_pool_connections, pg_pool_waiting_requests and pg_pool_max_connections
 * under `name` (a short fixed word: main, reconcile-wallet) until it ends. Pools of one name add up.
 */
export function watchPoolMetrics(pool: Pool, name: string, max: number): void {
  pools.set(pool, { name, max });
}
