import { Counter } from 'prom-client';

export type CacheKind = 'seat_map' | 'schedules';

export const cacheLookups = new Counter<'kind' | 'result'>({
  name: 'catalogue_cache_lookups_total',
  help: 'Catalogue cache lookups by kind (seat_map, schedules, seat) and result (hit, miss, error)',
  labelNames: ['kind', 'result'],
});
