import type { PrismaClient } from './prisma';
import { seatMapJson, type CatalogueReads } from '../use-cases/catalogue-reads';
import { listConcerts, loadSchedules, loadSeatMap } from './catalogue-store';
import { withoutVersion } from '../domain/versioned';

/** Every read straight from PostgreSQL: CATALOGUE_CACHE=off. */
export function databaseReads(prisma: PrismaClient): CatalogueReads {
  return {
    concerts: () => listConcerts(prisma),
    async schedulesOf(concertId) {
      const schedules = await loadSchedules(prisma, concertId);
      return schedules && JSON.stringify(schedules.map(withoutVersion));
    },
    async seatMapOf(scheduleId) {
      const seats = await loadSeatMap(prisma, scheduleId);
      return seats && seatMapJson(scheduleId, JSON.stringify(seats.map(withoutVersion)));
    },
  };
}
