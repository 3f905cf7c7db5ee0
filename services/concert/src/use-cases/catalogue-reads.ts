import type {
  ConcertListQuery,
  ConcertPage,
  SaleState,
  ScheduleList,
  SeatMap,
} from '@headliner/contracts';

/**
 * A `T` already serialized, answered as it is: a cached read neither parses nor stringifies.
 * Only JSON.stringify of a `T` (or a document built from such parts) may be typed so.
 */
export type Json<T> = string & { readonly jsonOf?: T };

/** What the endpoints read, from PostgreSQL directly or through the Redis cache. */
export interface CatalogueReads {
  concerts(query: ConcertListQuery): Promise<ConcertPage>;
  /** undefined: no such concert. */
  schedulesOf(concertId: string): Promise<Json<ScheduleList> | undefined>;
  /** undefined: no such schedule. */
  seatMapOf(scheduleId: string): Promise<Json<SeatMap> | undefined>;
}

/** `{scheduleId, startsAt, saleState, seats}`, the SeatMap of these already serialized seats. */
export function seatMapJson(
  scheduleId: string,
  { startsAt, saleState }: { startsAt: string; saleState: SaleState },
  seats: Json<SeatMap['seats']>,
): Json<SeatMap> {
  return `{"scheduleId":${JSON.stringify(scheduleId)},"startsAt":${JSON.stringify(startsAt)},"saleState":${JSON.stringify(saleState)},"seats":${seats}}`;
}
