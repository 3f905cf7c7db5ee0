import { Seat as CatalogueSeat, SeatMap } from '@headliner/contracts';
import {
  createUpstreamClient,
  ownCallerStatement,
  ProblemError,
  type Logger,
} from '@headliner/platform';
import { z } from 'zod';
import type { Seat } from '../domain/seat';
import { SeatMapCache, type ScheduleSeats } from './seat-map-cache';

export interface SeatCatalogue {
  /** The seat, or undefined if the concert service knows no such seat in that schedule. */
  find(scheduleId: string, seatId: string): Promise<Seat | undefined>;
  /** How many seats the schedule has, or undefined if the concert service knows no such one. */
  seatCount(scheduleId: string): Promise<number | undefined>;
  /** When the schedule starts, or undefined if the concert service knows no such schedule. */
  startsAt(scheduleId: string): Promise<Date | undefined>;
}

export interface SeatCatalogueOptions {
  concertUrl: string;
  timeoutMs: number;
  /** Signs reservation's own statement on each call, as the concert service requires. */
  internalAuthSecret: string;
  logger: Logger;
  /** Schedules remembered, of at most 1,000 seats each (~150 KB); an on-sale day fits in 100. */
  cacheSize?: number;
}

// GET /api/v1/schedules/{scheduleId}/seats of the concert service. The seats' status is left
// out: whether a seat is held or sold is this service's truth, not the catalogue's view of it.
// So is the sale state: this service hears of it as an event (consumers/), and a seat map is
// kept for good once read. startsAt never changes either: it sets a booking's cancellation cutoff.
const SeatMapAnswer = SeatMap.omit({ saleState: true }).extend({
  seats: z.array(CatalogueSeat.pick({ seatId: true, number: true, price: true })),
});

/**
 * Seats from the concert service's seat map, one call per schedule through a circuit breaker:
 * a thousand fans holding different seats of one schedule at once cost the catalogue one read,
 * not a thousand. A schedule's seats are created with it and never added, removed or repriced,
 * so a seat map fetched once never goes stale and is kept; an unknown schedule, or a failed
 * call, is asked about again.
 */
export function createSeatCatalogue(options: SeatCatalogueOptions): SeatCatalogue {
  const concert = createUpstreamClient({
    name: 'concert',
    baseURL: options.concertUrl,
    timeoutMs: options.timeoutMs,
    logger: options.logger,
  });
  const cache = new SeatMapCache(options.cacheSize ?? 100);

  const lookUp = async (scheduleId: string): Promise<ScheduleSeats | undefined> => {
    try {
      const answer = await concert.get(`/api/v1/schedules/${scheduleId}/seats`, {
        headers: ownCallerStatement('reservation', 'concert', options.internalAuthSecret),
        validateStatus: (status) => status === 200 || status === 404,
      });
      if (answer.status === 404) return undefined;
      const { startsAt, seats } = SeatMapAnswer.parse(answer.data);
      return {
        startsAt: new Date(startsAt),
        seats: new Map(
          seats.map(({ seatId, number, price }) => [canonical(seatId), { number, price }]),
        ),
      };
    } catch (error) {
      if (error instanceof ProblemError) throw error; // the breaker is open
      throw ProblemError.serviceUnavailable(
        'The concert catalogue could not be reached to look up the seat. Please try again shortly.',
        { type: 'upstream-unavailable', extensions: { upstream: 'concert' }, cause: error },
      );
    }
  };

  const seatsOf = (scheduleId: string): Promise<ScheduleSeats | undefined> => {
    const cached = cache.get(scheduleId);
    if (cached) return cached;
    const lookup = lookUp(scheduleId);
    cache.set(scheduleId, lookup);
    lookup.then(
      (seats) => seats ?? cache.delete(scheduleId, lookup),
      () => cache.delete(scheduleId, lookup),
    );
    return lookup;
  };

  return {
    async find(scheduleId, seatId) {
      const schedule = canonical(scheduleId);
      const seat = canonical(seatId);
      const found = (await seatsOf(schedule))?.seats.get(seat);
      return found && { seatId: seat, scheduleId: schedule, ...found };
    },
    async seatCount(scheduleId) {
      return (await seatsOf(canonical(scheduleId)))?.seats.size;
    },
    async startsAt(scheduleId) {
      return (await seatsOf(canonical(scheduleId)))?.startsAt;
    },
  };
}

// UUIDs match in any case in PostgreSQL, but not as Redis claim keys, cache keys or in events.
function canonical(id: string): string {
  return id.toLowerCase();
}
