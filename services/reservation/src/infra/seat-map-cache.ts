/** What never changes about a schedule: when it starts, and each seat's number and price by id. */
export interface ScheduleSeats {
  startsAt: Date;
  seats: ReadonlyMap<string, { number: number; price: number }>;
}

/**
 * Seat-map lookups by schedule id, least recently used evicted first. Holding the lookup rather
 * than its answer lets concurrent holds on one uncached schedule share a single call.
 */
export class SeatMapCache {
  private readonly lookups = new Map<string, Promise<ScheduleSeats | undefined>>();

  constructor(private readonly capacity: number) {}

  get(scheduleId: string): Promise<ScheduleSeats | undefined> | undefined {
    const lookup = this.lookups.get(scheduleId);
    if (lookup) {
      // Map keeps insertion order: moving the entry to the end marks it most recently used.
      this.lookups.delete(scheduleId);
      this.lookups.set(scheduleId, lookup);
    }
    return lookup;
  }

  set(scheduleId: string, lookup: Promise<ScheduleSeats | undefined>): void {
    this.lookups.set(scheduleId, lookup);
    if (this.lookups.size > this.capacity) {
      const oldest = this.lookups.keys().next();
      if (!oldest.done) this.lookups.delete(oldest.value);
    }
  }

  delete(scheduleId: string, lookup: Promise<ScheduleSeats | undefined>): void {
    if (this.lookups.get(scheduleId) === lookup) this.lookups.delete(scheduleId);
  }
}
