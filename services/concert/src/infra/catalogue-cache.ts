import type { SaleState, ScheduleSummary, Seat, SeatStatus } from '@headliner/contracts';
import type { Redis, Result } from 'ioredis';
import type { Json } from '../use-cases/catalogue-reads';
import type { VersionedSchedule, VersionedSeatMap } from '../domain/versioned';
import { storeRenderedDocumentScript, writeNewerFieldsScript } from './cache-scripts';
import { valueOfVersioned } from './versioned-field';

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

export interface SaleStateChanged {
  concertId: string;
  scheduleId: string;
  saleState: SaleState;
  saleVersion: number;
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
//                                #sale → "<saleVersion>:<saleState>"
//                                #starts → the schedule's startsAt (never changes)
//   schedules:<concertId>  HASH  #schedules → [[scheduleId, startsAt], …] by startsAt
//                                <scheduleId> → "<version>:<availableSeats>"
//                                <scheduleId>#sale → "<saleVersion>:<saleState>"
//   both also                    #rev → which write changed the hash last (#writes counts them)
//                                #doc → the seats / schedules as JSON, rendered at that #rev
// A hash without its # field, or missing a member's field, is a miss: events may create partial
// hashes (they update fields of maps nobody has read yet) and only a fill makes one complete.
const SEATS = '#seats';
const SCHEDULES = '#schedules';
const REVISION = '#rev';
const DOCUMENT = '#doc';
const SALE = '#sale';
const STARTS = '#starts';
const LAYOUT_VERSION = 0;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    catalogueWriteNewer(key: string, ...args: (string | number)[]): Result<number, Context>;
    catalogueStoreDocument(
      key: string,
      revision: string,
      document: string,
    ): Result<number, Context>;
  }
}

export type CatalogueCache = ReturnType<typeof createCatalogueCache>;

export function createCatalogueCache({ redis, prefix, ttlSeconds }: CatalogueCacheOptions) {
  // Sent whole once per connection, by SHA after that.
  redis.defineCommand('catalogueWriteNewer', { lua: writeNewerFieldsScript, numberOfKeys: 1 });
  redis.defineCommand('catalogueStoreDocument', {
    lua: storeRenderedDocumentScript,
    numberOfKeys: 1,
  });
  const seatMapKey = (scheduleId: string) => `${prefix}seat-map:${scheduleId}`;
  const schedulesKey = (concertId: string) => `${prefix}schedules:${concertId}`;
  const writeNewer = (key: string, triples: (string | number)[]) =>
    redis.catalogueWriteNewer(key, ttlSeconds, ...triples);

  /**
   * The hash's document, or else one rendered from its fields (and kept for the next reader);
   * undefined when the hash is missing or incomplete.
   */
  async function documentOf<Entry>(
    key: string,
    render: (fields: Record<string, string>) => Entry[] | undefined,
  ): Promise<Json<Entry[]> | undefined> {
    const document = await redis.hget(key, DOCUMENT);
    if (document !== null) return document;
    const fields = await redis.hgetall(key);
    const entries = render(fields);
    if (!entries) return undefined;
    const rendered = JSON.stringify(entries);
    const revision = fields[REVISION];
    // Only a speed-up for the next readers: this one is answered whether it is kept or not.
    if (revision !== undefined) {
      redis.catalogueStoreDocument(key, revision, rendered).catch(() => undefined);
    }
    return rendered;
  }

  const seatsOf = (key: string) =>
    documentOf(key, (fields) => {
      const layout = fields[SEATS];
      if (layout === undefined) return undefined;
      const seats: Seat[] = [];
      for (const [seatId, number, price] of parseLayout<[string, number, number]>(layout)) {
        const status = fields[seatId];
        if (status === undefined) return undefined;
        seats.push({ seatId, number, price, status: valueOfVersioned(status) as SeatStatus });
      }
      return seats;
    });

  return {
    /** A cached seat map: its sale state, and its seats as JSON (a Seat[]); undefined on a miss. */
    async seatMap(
      scheduleId: string,
    ): Promise<{ startsAt: string; saleState: SaleState; seats: Json<Seat[]> } | undefined> {
      const key = seatMapKey(scheduleId);
      const [[sale, startsAt], seats] = await Promise.all([
        redis.hmget(key, SALE, STARTS),
        seatsOf(key),
      ]);
      // A map cached before #starts existed is a miss: the fill adds it.
      if (!sale || !startsAt || seats === undefined) return undefined;
      return {
        startsAt: valueOfVersioned(startsAt),
        saleState: valueOfVersioned(sale) as SaleState,
        seats,
      };
    },

    async fillSeatMap(scheduleId: string, seatMap: VersionedSeatMap): Promise<void> {
      const layout = seatMap.seats.map((seat) => [seat.seatId, seat.number, seat.price]);
      await writeNewer(seatMapKey(scheduleId), [
        ...seatMap.seats.flatMap((seat) => [seat.seatId, seat.version, seat.status]),
        ...[SEATS, LAYOUT_VERSION, JSON.stringify(layout)],
        ...[STARTS, LAYOUT_VERSION, seatMap.startsAt],
        ...[SALE, seatMap.saleVersion, seatMap.saleState],
      ]);
    },
    /** A cached schedule list as JSON (a ScheduleList), or undefined on a miss. */
    schedules(concertId: string): Promise<Json<ScheduleSummary[]> | undefined> {
      return documentOf(schedulesKey(concertId), (fields) => {
        const layout = fields[SCHEDULES];
        if (layout === undefined) return undefined;
        const schedules: ScheduleSummary[] = [];
        for (const [scheduleId, startsAt] of parseLayout<[string, string]>(layout)) {
          const available = fields[scheduleId];
          const sale = fields[scheduleId + SALE];
          if (available === undefined || sale === undefined) return undefined;
          schedules.push({
            scheduleId,
            startsAt,
            availableSeats: Number(valueOfVersioned(available)),
            saleState: valueOfVersioned(sale) as SaleState,
          });
        }
        return schedules;
      });
    },

    async fillSchedules(concertId: string, schedules: readonly VersionedSchedule[]): Promise<void> {
      const layout = schedules.map((schedule) => [schedule.scheduleId, schedule.startsAt]);
      await writeNewer(schedulesKey(concertId), [
        ...schedules.flatMap((s) => [s.scheduleId, s.version, s.availableSeats]),
        ...schedules.flatMap((s) => [s.scheduleId + SALE, s.saleVersion, s.saleState]),
        ...[SCHEDULES, LAYOUT_VERSION, JSON.stringify(layout)],
      ]);
    },

    /** A new schedule changes the layout itself: drop the list, the next read reloads it. */
    async forgetSchedules(concertId: string): Promise<void> {
      await redis.del(schedulesKey(concertId));
    },

    /** An operator's change of a schedule's sale, after it committed: newest saleVersion wins. */
    async applySaleState(change: SaleStateChanged): Promise<void> {
      const { concertId, scheduleId, saleState, saleVersion } = change;
      await Promise.all([
        writeNewer(seatMapKey(scheduleId), [SALE, saleVersion, saleState]),
        writeNewer(schedulesKey(concertId), [scheduleId + SALE, saleVersion, saleState]),
      ]);
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
