import { randomUUID } from 'node:crypto';
import { eventually, testInternalAuthSecret } from '@headliner/testing';
import { Redis } from 'ioredis';
import { createApp } from '../src/app';
import { createCatalogueCache } from '../src/infra/catalogue-cache';
import { storeRenderedDocumentScript } from '../src/infra/cache-scripts';
import { cacheLookups } from './support/cache-lookups';
import {
  addConcertWithSchedule,
  quietLogger,
  schedulesOf,
  seatMapOf,
  startTestCatalogue,
  type TestCatalogue,
} from './support/test-catalogue';

let catalogue: TestCatalogue;
let shortLived: TestCatalogue;

beforeAll(async () => {
  [catalogue, shortLived] = await Promise.all([
    startTestCatalogue(),
    startTestCatalogue({ ttlSeconds: 1 }),
  ]);
});

afterAll(() => Promise.all([catalogue.stop(), shortLived.stop()]));

const statuses = async (app: TestCatalogue['cachedApp'], scheduleId: string) =>
  (await seatMapOf(app, scheduleId)).seats.map((seat) => seat.status);

/** Sells seat `number` in the database only, as if an update never reached the cache. */
async function sellBehindTheCachesBack(of: TestCatalogue, scheduleId: string, number: number) {
  await of.prisma.seat.update({
    where: { scheduleId_number: { scheduleId, number } },
    data: { status: 'SOLD', reservationId: randomUUID() },
  });
}

describe('when the cache is on', () => {
  it('serves the seat map from Redis after the first read', async () => {
    const { scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 3);
    const [misses, hits] = [
      await cacheLookups('seat_map', 'miss'),
      await cacheLookups('seat_map', 'hit'),
    ];
    await seatMapOf(catalogue.cachedApp, scheduleId);
    await sellBehindTheCachesBack(catalogue, scheduleId, 1);

    expect(await statuses(catalogue.cachedApp, scheduleId)).toEqual([
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
    ]);
    expect(await statuses(catalogue.databaseApp, scheduleId)).toEqual([
      'SOLD',
      'AVAILABLE',
      'AVAILABLE',
    ]);
    expect(await cacheLookups('seat_map', 'miss')).toBe(misses + 1);
    expect(await cacheLookups('seat_map', 'hit')).toBe(hits + 1);
  });

  it('serves the schedule list from Redis after the first read', async () => {
    const { concertId, scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 4);
    await schedulesOf(catalogue.cachedApp, concertId);
    await catalogue.prisma.schedule.update({
      where: { id: scheduleId },
      data: { availableSeats: 1 },
    });
    expect((await schedulesOf(catalogue.cachedApp, concertId))[0]?.availableSeats).toBe(4);
    expect((await schedulesOf(catalogue.databaseApp, concertId))[0]?.availableSeats).toBe(1);
  });

  it('reloads from the database once the TTL passed, however many updates came since', async () => {
    const { scheduleId } = await addConcertWithSchedule(shortLived.cachedApp, 3);
    const { seats } = await seatMapOf(shortLived.cachedApp, scheduleId);
    await sellBehindTheCachesBack(shortLived, scheduleId, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // An update (as an event applies it) must not push the expiry back.
    const seatId = seats[1]?.seatId as string;
    await shortLived.cache.applySeatChange({ scheduleId, seatId, status: 'HELD', version: 1 });
    expect(await statuses(shortLived.cachedApp, scheduleId)).toEqual([
      'AVAILABLE',
      'HELD',
      'AVAILABLE',
    ]);

    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await statuses(shortLived.cachedApp, scheduleId)).toEqual([
      'SOLD',
      'AVAILABLE',
      'AVAILABLE',
    ]);
  });

  it('keeps the newest state whichever write reaches the cache last', async () => {
    const { concertId, scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 2);
    const { seats } = await seatMapOf(catalogue.cachedApp, scheduleId);
    await schedulesOf(catalogue.cachedApp, concertId);
    const seatId = seats[0]?.seatId as string;
    const seat = (status: 'HELD' | 'SOLD', version: number) => ({
      scheduleId,
      seatId,
      status,
      version,
    });
    const availability = (availableSeats: number, version: number) => ({
      concertId,
      scheduleId,
      availableSeats,
      version,
    });

    await catalogue.cache.applySeatChange(seat('SOLD', 2), availability(1, 2));
    await catalogue.cache.applySeatChange(seat('HELD', 1), availability(2, 1));
    await catalogue.cache.fillSeatMap(scheduleId, {
      startsAt: '2026-05-01T10:00:00.000Z',
      saleState: 'ON_SALE',
      saleVersion: 0,
      seats: [{ seatId, number: 1, price: 99_000, status: 'AVAILABLE', version: 0 }],
    });

    expect(await statuses(catalogue.cachedApp, scheduleId)).toEqual(['SOLD', 'AVAILABLE']);
    expect((await schedulesOf(catalogue.cachedApp, concertId))[0]?.availableSeats).toBe(1);
  });

  it('completes a map that updates reached before any read did', async () => {
    const { scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 3);
    const seat = await catalogue.prisma.seat.update({
      where: { scheduleId_number: { scheduleId, number: 2 } },
      data: { status: 'HELD', reservationId: randomUUID(), heldAt: new Date(), version: 1 },
    });
    await catalogue.cache.applySeatChange({
      scheduleId,
      seatId: seat.id,
      status: 'HELD',
      version: 1,
    });

    expect(await statuses(catalogue.cachedApp, scheduleId)).toEqual([
      'AVAILABLE',
      'HELD',
      'AVAILABLE',
    ]);
  });

  it('never keeps a seat map rendered before the latest write, not even across a reload', async () => {
    const { scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 2);
    const key = `${catalogue.cachePrefix}seat-map:${scheduleId}`;
    await seatMapOf(catalogue.cachedApp, scheduleId); // filled from the database
    await seatMapOf(catalogue.cachedApp, scheduleId); // rendered from the hash, and kept
    const rendered = await eventually(
      () => catalogue.redis.hmget(key, '#rev', '#doc'),
      ([, document]) => document !== null,
      2_000,
    );
    expect(rendered[1]).toContain('"AVAILABLE"');
    await catalogue.redis.del(key); // expired
    await sellBehindTheCachesBack(catalogue, scheduleId, 1);
    await seatMapOf(catalogue.cachedApp, scheduleId); // filled again from the database

    // A reader that rendered the old map finishes late and tries to keep its document.
    const [revision, document] = rendered as [string, string];
    await catalogue.redis.eval(storeRenderedDocumentScript, 1, key, revision, document);

    expect(await statuses(catalogue.cachedApp, scheduleId)).toEqual(['SOLD', 'AVAILABLE']);
  });

  it('answers from the database while Redis is unreachable', async () => {
    const { concertId, scheduleId } = await addConcertWithSchedule(catalogue.cachedApp, 2);
    // Nothing listens on port 1. No reconnecting and no grace period on close, so the test ends.
    const redis = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      retryStrategy: () => null,
      disconnectTimeout: 0,
    });
    redis.on('error', () => undefined);
    const cache = createCatalogueCache({ redis, prefix: 'unreachable:', ttlSeconds: 60 });
    const app = createApp({
      db: catalogue.sql,
      cache,
      logger: quietLogger,
      internalAuthSecret: testInternalAuthSecret,
    });
    const errors = await cacheLookups('seat_map', 'error');
    try {
      expect(await statuses(app, scheduleId)).toEqual(['AVAILABLE', 'AVAILABLE']);
      expect(await schedulesOf(app, concertId)).toHaveLength(1);
      expect(await cacheLookups('seat_map', 'error')).toBeGreaterThan(errors);
    } finally {
      redis.disconnect();
    }
  });
});
