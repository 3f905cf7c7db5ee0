import type { Seat } from '../domain/seat';

/**
 * Seat lookups by seat id, least recently used evicted first. Holding the lookup rather than the
 * seat lets concurrent holds on one uncached seat share a single call to the catalogue.
 */
export class SeatCache {
  private readonly lookups = new Map<string, Promise<Seat | undefined>>();

  constructor(private readonly capacity: number) {}

  get(seatId: string): Promise<Seat | undefined> | undefined {
    const lookup = this.lookups.get(seatId);
    if (lookup) {
      // Map keeps insertion order: moving the entry to the end marks it most recently used.
      this.lookups.delete(seatId);
      this.lookups.set(seatId, lookup);
    }
    return lookup;
  }

  set(seatId: string, lookup: Promise<Seat | undefined>): void {
    this.lookups.set(seatId, lookup);
    if (this.lookups.size > this.capacity) {
      const oldest = this.lookups.keys().next();
      if (!oldest.done) this.lookups.delete(oldest.value);
    }
  }

  delete(seatId: string, lookup: Promise<Seat | undefined>): void {
    if (this.lookups.get(seatId) === lookup) this.lookups.delete(seatId);
  }
}
