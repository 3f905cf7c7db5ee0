import { createTestDatabase, type TestDatabase } from '@headliner/testing';
import { createPrisma, type PrismaClient } from '../src/seed/prisma';
import { seedCatalogue } from '../src/seed';

let db: TestDatabase;
let prisma: PrismaClient;

beforeEach(async () => {
  db = await createTestDatabase('headliner_concert_template');
  prisma = createPrisma(db.url);
});

afterEach(async () => {
  await prisma.$disconnect();
  await db.drop();
});

const small = { concerts: 10, schedulesPerConcert: 5, seatsPerSchedule: 50, price: 132_000 };

describe('when the catalogue is seeded', () => {
  it('creates the requested concerts, schedules and seats, quickly', async () => {
    const now = new Date();
    const started = Date.now();
    const result = await seedCatalogue(prisma, small, now);
    const took = Date.now() - started;

    expect(result).toEqual({ seeded: true, concerts: 10, schedules: 50, seats: 2500 });
    expect(took).toBeLessThan(3000);
    expect(await prisma.concert.count()).toBe(10);
    expect(await prisma.schedule.count({ where: { startsAt: { gt: now } } })).toBe(50);
    expect(await prisma.schedule.count({ where: { seatCount: 50, availableSeats: 50 } })).toBe(50);
    expect(await prisma.seat.count({ where: { price: 132_000, status: 'AVAILABLE' } })).toBe(2500);
    const numbers = await prisma.seat.groupBy({
      by: ['scheduleId'],
      _min: { number: true },
      _max: { number: true },
      _count: true,
    });
    expect(numbers).toHaveLength(50);
    for (const schedule of numbers) {
      expect(schedule).toMatchObject({ _min: { number: 1 }, _max: { number: 50 }, _count: 50 });
    }
  });

  it('gives every concert its own artist and a readable title and venue', async () => {
    await seedCatalogue(prisma, { ...small, concerts: 40 });
    const concerts = await prisma.concert.findMany();
    expect(new Set(concerts.map((concert) => concert.artist)).size).toBe(40);
    for (const concert of concerts) {
      expect(concert.title).toMatch(/^[A-Z][\w ]+ \d{4}$/);
      expect(concert.venue).toMatch(/^[A-Z][\w ]+, [A-Z]\w+$/);
    }
  });

  it('changes nothing when the catalogue already has a concert', async () => {
    await seedCatalogue(prisma, small);
    expect(await seedCatalogue(prisma, { ...small, concerts: 3 })).toEqual({
      seeded: false,
      concerts: 0,
      schedules: 0,
      seats: 0,
    });
    expect(await prisma.concert.count()).toBe(10);
    expect(await prisma.seat.count()).toBe(2500);
  });

  it('seeds once when two seeders start together', async () => {
    const results = await Promise.all([seedCatalogue(prisma, small), seedCatalogue(prisma, small)]);
    expect(results.map((result) => result.seeded).sort()).toEqual([false, true]);
    expect(await prisma.concert.count()).toBe(10);
  });

  it('refuses a schedule of more seats than a schedule may have', async () => {
    await expect(seedCatalogue(prisma, { ...small, seatsPerSchedule: 1001 })).rejects.toThrow(
      'seatsPerSchedule must be an integer from 1 to 1000',
    );
  });

  it('refuses more schedules per concert than a concert may have', async () => {
    await expect(seedCatalogue(prisma, { ...small, schedulesPerConcert: 501 })).rejects.toThrow(
      'schedulesPerConcert must be an integer from 1 to 500',
    );
  });
});
