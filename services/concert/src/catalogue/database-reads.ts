import type { PrismaClient } from '../infra/prisma';
import type { CatalogueReads } from './catalogue-reads';
import { listConcerts, loadSchedules, loadSeatMap } from './catalogue-store';
import { withoutVersion } from './versioned';

/** Every read straight from PostgreSQL: CATALOGUE_CACHE=off. */
export function databaseReads(prisma: PrismaClient): CatalogueReads {
  return {
    concerts: () => listConcerts(prisma),
    schedulesOf: async (concertId) => (await loadSchedules(prisma, concertId))?.map(withoutVersion),
    seatMapOf: async (scheduleId) => {
      const seats = await loadSeatMap(prisma, scheduleId);
      return seats && { scheduleId, seats: seats.map(withoutVersion) };
    },
  };
}
