import { Counter, Gauge } from 'prom-client';

export type CacheKind = 'seat_map' | 'schedules';

export const cacheLookups = new Counter<'kind' | 'result'>({
  name: 'catalogue_cache_lookups_total',
  help: 'Catalogue cache lookups by kind (seat_map, schedules, seat) and result (hit, miss, error)',
  labelNames: ['kind', 'result'],
});

let schedulesOnHold: (() => Promise<number>) | undefined;

/** How the gauge below counts, once the database is open (main.ts). */
export function countSchedulesOnHoldWith(count: () => Promise<number>): void {
  schedulesOnHold = count;
}

// Read at scrape time from PostgreSQL, the truth every replica shares. A failed read keeps the
// last value rather than failing the whole scrape.
new Gauge({
  name: 'concert_schedules_on_hold',
  help: 'Schedules whose sale an operator has put on hold (no new seat holds)',
  async collect() {
    if (!schedulesOnHold) return;
    try {
      this.set(await schedulesOnHold());
    } catch {
      // the database is away: its own alerts say so
    }
  },
});
