import type { ScheduleSummary, Seat, SeatStatus } from '@headliner/contracts';
import type { Redis } from 'ioredis';
import type { VersionedSchedule, VersionedSeat } from '../catalogue/versioned';
import { valueOfVersioned, writeNewerFieldsScript } from './newer-fields-script';

export interface CatalogueCacheOptions {
  redis: Redis;
  /** Put before every key, so several deployments (or tests) can share one Redis. */
  prefix: string;
  ttlSeconds: number;
}

export interface SeatStatusChange {
  scheduleId: string;
  seatId: string;
  status: SeatStatus;
  version: number;
}

export interface AvailabilityChange {
  concertId: string;
  scheduleId: string;
  availableSeats: number;
  version: number;
}

// Layout:
//   seat-map:<scheduleId>  HASH  #seats → [[seatId, number, price], …] by number (never changes)
//                                <seatId> → "<version>:<status>"
//   schedules:<concertId>  HASH  #schedules → [[scheduleId, startsAt], …] by startsAt
//                                <scheduleId> → "<version>:<availableSeats>"
//   seat:<seatId>          STRING {scheduleId, number, price}
// A hash without its # field, or missing a member's field, is a miss: events may create partial
// hashes (they update fields of maps nobody has read yet) and only a fill makes one complete.
const SEATS = '#seats';
const SCHEDULES = '#schedules';
const LAYOUT_VERSION = 0;

export type CatalogueCache = ReturnType<typeof createCatalogueCache>;

export function createCatalogueCache({ redis, prefix, ttlSeconds }: CatalogueCacheOptions) {
  const seatMapKey = (scheduleId: string) => `${prefix}seat-map:${scheduleId}`;
  const schedulesKey = (concertId: string) => `${prefix}schedules:${concertId}`;
  const writeNewer = (key: string, triples: (string | number)[]) =>
    redis.eval(writeNewerFieldsScript, 1, key, ttlSeconds, ...triples);

  return {
    async seatMap(scheduleId: string): Promise<Seat[] | undefined> {
      const fields = await redis.hgetall(seatMapKey(scheduleId));
      const layout = fields[SEATS];
      if (layout === undefined) return undefined;
      const seats: Seat[] = [];
      for (const [seatId, number, price] of parseLayout<[string, number, number]>(layout)) {
        const status = fields[seatId];
        if (status === undefined) return undefined;
        seats.push({ seatId, number, price, status: valueOfVersioned(status) as SeatStatus });
      }
      return seats;
    },

    async fillSeatMap(scheduleId: string, seats: readonly VersionedSeat[]): Promise<void> {
      const layout = seats.map((seat) => [seat.seatId, seat.number, seat.price]);
      await writeNewer(seatMapKey(scheduleId), [
        ...seats.flatMap((seat) => [seat.seatId, seat.version, seat.status]),
        ...[SEATS, LAYOUT_VERSION, JSON.stringify(layout)],
      ]);
    },

    async schedules(concertId: string): Promise<ScheduleSummary[] | undefined> {
      const fields = await redis.hgetall(schedulesKey(concertId));
      const layout = fields[SCHEDULES];
      if (layout === undefined) return undefined;
      const schedules: ScheduleSummary[] = [];
      for (const [scheduleId, startsAt] of parseLayout<[string, string]>(layout)) {
        const available = fields[scheduleId];
        if (available === undefined) return undefined;
        schedules.push({
          scheduleId,
          startsAt,
          availableSeats: Number(valueOfVersioned(available)),
        });
      }
      return schedules;
    },

    async fillSchedules(concertId: string, schedules: readonly VersionedSchedule[]): Promise<void> {
      const layout = schedules.map((schedule) => [schedule.scheduleId, schedule.startsAt]);
      await writeNewer(schedulesKey(concertId), [
        ...schedules.flatMap((s) => [s.scheduleId, s.version, s.availableSeats]),
        ...[SCHEDULES, LAYOUT_VERSION, JSON.stringify(layout)],
      ]);
    },

    /** A new schedule changes the layout itself: drop the list, the next read reloads it. */
    async forgetSchedules(concertId: string): Promise<void> {
      await redis.del(schedulesKey(concertId));
    },

    /** An event's effect, after it committed. */
    async applySeatChange(seat: SeatStatusChange, availability?: AvailabilityChange) {
      await Promise.all([
        writeNewer(seatMapKey(seat.scheduleId), [seat.seatId, seat.version, seat.status]),
        availability &&
          writeNewer(schedulesKey(availability.concertId), [
            availability.scheduleId,
            availability.version,
            availability.availableSeats,
          ]),
      ]);
    },
  };
}

function parseLayout<Entry>(field: string): Entry[] {
  return JSON.parse(valueOfVersioned(field)) as Entry[];
}
