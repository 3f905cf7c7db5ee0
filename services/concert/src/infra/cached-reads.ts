import type { Logger } from '@headliner/platform';
import { cacheLookups, type CacheKind } from '../metrics';
import type { CatalogueCache } from './catalogue-cache';
import { singleFlight } from './single-flight';
import type { SqlStatements } from '@headliner/platform/database';
import { seatMapJson, type CatalogueReads } from '../use-cases/catalogue-reads';
import { listConcerts, loadSchedules, loadSeatMap } from './catalogue-store';
import { scheduleSummaryOf, withoutVersion } from '../domain/versioned';

/**
 * Reads through the Redis cache: a hit is served from Redis, a miss loads from PostgreSQL (the
 * truth) and fills the cache. Redis failing never fails a read: the database answers instead.
 * The concert list is small and read rarely next to seat maps, so it always comes from the database.
 */
export function cachedReads(
  db: SqlStatements,
  cache: CatalogueCache,
  logger: Logger,
): CatalogueReads {
  const loadOnce = singleFlight();

  async function lookup<T>(kind: CacheKind, read: () => Promise<T | undefined>) {
    try {
      const cached = await read();
      cacheLookups.inc({ kind, result: cached === undefined ? 'miss' : 'hit' });
      return cached;
    } catch (error) {
      cacheLookups.inc({ kind, result: 'error' });
      logger.warn({ err: error, kind }, 'catalogue cache read failed; reading the database');
      return undefined;
    }
  }

  async function fill(kind: CacheKind, write: () => Promise<void>) {
    try {
      await write();
    } catch (error) {
      logger.warn({ err: error, kind }, 'catalogue cache fill failed');
    }
  }

  return {
    concerts: (query) => listConcerts(db, query),

    async schedulesOf(concertId) {
      const cached = await lookup('schedules', () => cache.schedules(concertId));
      if (cached) return cached;
      return loadOnce(`schedules:${concertId}`, async () => {
        const schedules = await loadSchedules(db, concertId);
        if (!schedules) return undefined;
        await fill('schedules', () => cache.fillSchedules(concertId, schedules));
        return JSON.stringify(schedules.map(scheduleSummaryOf));
      });
    },

    async seatMapOf(scheduleId) {
      const cached = await lookup('seat_map', () => cache.seatMap(scheduleId));
      if (cached) return seatMapJson(scheduleId, cached, cached.seats);
      return loadOnce(`seat-map:${scheduleId}`, async () => {
        const seatMap = await loadSeatMap(db, scheduleId);
        if (!seatMap) return undefined;
        await fill('seat_map', () => cache.fillSeatMap(scheduleId, seatMap));
        const seats = JSON.stringify(seatMap.seats.map(withoutVersion));
        return seatMapJson(scheduleId, seatMap, seats);
      });
    },
  };
}
