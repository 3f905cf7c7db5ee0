import type { ConcertList, ScheduleList, SeatMap } from '@headliner/contracts';

/** What the endpoints read, from PostgreSQL directly or through the Redis cache. */
export interface CatalogueReads {
  concerts(): Promise<ConcertList>;
  /** undefined: no such concert. */
  schedulesOf(concertId: string): Promise<ScheduleList | undefined>;
  /** undefined: no such schedule. */
  seatMapOf(scheduleId: string): Promise<SeatMap | undefined>;
}
