import type { ConcertList, ScheduleList, SeatMap } from '@headliner/contracts';

/** A seat as the reservation service prices it: number, price and schedule never change. */
export interface SeatInfo {
  seatId: string;
  scheduleId: string;
  number: number;
  price: number;
}

/** What the endpoints read, from PostgreSQL directly or through the Redis cache. */
export interface CatalogueReads {
  concerts(): Promise<ConcertList>;
  /** undefined: no such concert. */
  schedulesOf(concertId: string): Promise<ScheduleList | undefined>;
  /** undefined: no such schedule. */
  seatMapOf(scheduleId: string): Promise<SeatMap | undefined>;
  /** undefined: no such seat. */
  seat(seatId: string): Promise<SeatInfo | undefined>;
}
