import { EntityId } from '@headliner/contracts';
import { createUpstreamClient, ProblemError, type Logger } from '@headliner/platform';
import { z } from 'zod';
import type { Seat } from '../domain/seat';
import { SeatCache } from './seat-cache';

export interface SeatCatalogue {
  /** The seat, or undefined if the concert service knows no such seat. */
  find(seatId: string): Promise<Seat | undefined>;
}

export interface SeatCatalogueOptions {
  concertUrl: string;
  timeoutMs: number;
  logger: Logger;
  /** Seats remembered; a stadium's schedules fit in the default. */
  cacheSize?: number;
}

// GET /internal/seats/{seatId} of the concert service.
const SeatAnswer = z.object({
  seatId: EntityId,
  scheduleId: EntityId,
  number: z.int(),
  price: z.int().positive(),
});

/**
 * Seats from the concert service's internal lookup, through a circuit breaker. A seat's schedule
 * and price never change, so a seat found once is kept; a seat not found is asked about again.
 */
export function createSeatCatalogue(options: SeatCatalogueOptions): SeatCatalogue {
  const concert = createUpstreamClient({
    name: 'concert',
    baseURL: options.concertUrl,
    timeoutMs: options.timeoutMs,
    logger: options.logger,
  });
  const cache = new SeatCache(options.cacheSize ?? 100_000);

  const lookUp = async (seatId: string): Promise<Seat | undefined> => {
    try {
      const answer = await concert.get(`/internal/seats/${seatId}`, {
        validateStatus: (status) => status === 200 || status === 404,
      });
      return answer.status === 404 ? undefined : SeatAnswer.parse(answer.data);
    } catch (error) {
      if (error instanceof ProblemError) throw error; // the breaker is open
      throw ProblemError.serviceUnavailable(
        'The concert catalogue could not be reached to look up the seat. Please try again shortly.',
        { type: 'upstream-unavailable', extensions: { upstream: 'concert' }, cause: error },
      );
    }
  };

  return {
    find(seatId) {
      const cached = cache.get(seatId);
      if (cached) return cached;
      const lookup = lookUp(seatId);
      cache.set(seatId, lookup);
      lookup.then(
        (seat) => seat ?? cache.delete(seatId, lookup),
        () => cache.delete(seatId, lookup),
      );
      return lookup;
    },
  };
}
