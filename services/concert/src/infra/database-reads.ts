import type { SqlStatements } from '@headliner/platform/database';
import { seatMapJson, type CatalogueReads } from '../use-cases/catalogue-reads';
import { listConcerts, loadSchedules, loadSeatMap } from './catalogue-store';
import { scheduleSummaryOf, withoutVersion } from '../domain/versioned';

/** Every read straight from PostgreSQL: CATALOGUE_CACHE=off. */
export function databaseReads(db: SqlStatements): CatalogueReads {
  return {
    concerts: (query) => listConcerts(db, query),
    async schedulesOf(concertId) {
      const schedules = await loadSchedules(db, concertId);
      return schedules && JSON.stringify(schedules.map(scheduleSummaryOf));
    },
    async seatMapOf(scheduleId) {
      const seatMap = await loadSeatMap(db, scheduleId);
      if (!seatMap) return undefined;
      return seatMapJson(scheduleId, seatMap, JSON.stringify(seatMap.seats.map(withoutVersion)));
    },
  };
}
