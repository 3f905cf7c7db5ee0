import { createPgPool, sqlDatabase } from '@headliner/platform/database';
import {
  asService,
  asUser,
  createTestDatabase,
  createTestRedis,
  testInternalAuthSecret,
} from '@headliner/testing';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { createCatalogueCache } from '../../src/infra/catalogue-cache';
import { createPrisma } from '../../src/seed';

export const quietLogger = pino({ level: 'silent' });
const internalAuthSecret = testInternalAuthSecret;
/** The statements the gateway sends: the admin's edits, and reads it makes on its own account. */
export const adminHeaders = () => asUser('concert', { role: 'admin' });
export const gatewayRead = () => asService('gateway', 'concert');

/**
 * A fresh database and Redis prefix, with two apps over them: one reading through the cache
 * (CATALOGUE_CACHE=on) and one reading PostgreSQL only (off), to compare their answers.
 */
export async function startTestCatalogue({ ttlSeconds = 60 } = {}) {
  const db = await createTestDatabase('headliner_concert_template');
  // Prisma's client only to look at and change the database; the service runs on pg.
  const prisma = createPrisma(db.url);
  const pool = createPgPool(db.url, 20);
  const sql = sqlDatabase(pool);
  const redis = createTestRedis();
  const cache = createCatalogueCache({ redis: redis.redis, prefix: redis.prefix, ttlSeconds });
  return {
    prisma,
    sql,
    cache,
    redis: redis.redis,
    cachePrefix: redis.prefix,
    cachedApp: createApp({ db: sql, cache, logger: quietLogger, internalAuthSecret }),
    databaseApp: createApp({ db: sql, logger: quietLogger, internalAuthSecret }),
    stop: async () => {
      await prisma.$disconnect();
      await pool.end();
      await redis.cleanup();
      await db.drop();
    },
  };
}

export type TestCatalogue = Awaited<ReturnType<typeof startTestCatalogue>>;
type App = TestCatalogue['cachedApp'];

/** A concert with one schedule of `seatCount` seats, created through the admin endpoints. */
export async function addConcertWithSchedule(app: App, seatCount: number, price = 99_000) {
  const concert = await request(app)
    .post('/api/v1/admin/concerts')
    .set(adminHeaders())
    .send({ title: 'Blue Hour Live', artist: 'Neon Harbor', venue: 'Olympic Hall, Seoul' })
    .expect(201);
  const concertId: string = concert.body.concertId;
  const schedule = await request(app)
    .post(`/api/v1/admin/concerts/${concertId}/schedules`)
    .set(adminHeaders())
    .send({ startsAt: '2027-05-01T19:00:00+09:00', seatCount, price })
    .expect(201);
  return { concertId, scheduleId: schedule.body.scheduleId as string };
}

export async function seatMapOf(app: App, scheduleId: string) {
  const response = await request(app)
    .get(`/api/v1/schedules/${scheduleId}/seats`)
    .set(gatewayRead())
    .expect(200);
  return response.body as {
    scheduleId: string;
    startsAt: string;
    saleState: string;
    seats: { seatId: string; number: number; price: number; status: string }[];
  };
}

export async function schedulesOf(app: App, concertId: string) {
  const response = await request(app)
    .get(`/api/v1/concerts/${concertId}/schedules`)
    .set(gatewayRead())
    .expect(200);
  return response.body as {
    scheduleId: string;
    startsAt: string;
    availableSeats: number;
    saleState: string;
  }[];
}
