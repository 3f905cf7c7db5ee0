import { randomUUID } from 'node:crypto';
import { asUser } from '@headliner/testing';
import request from 'supertest';
import {
  addConcertWithSchedule,
  adminHeaders,
  gatewayRead,
  schedulesOf,
  seatMapOf,
  startTestCatalogue,
  type TestCatalogue,
} from './support/test-catalogue';

let catalogue: TestCatalogue;

beforeAll(async () => {
  catalogue = await startTestCatalogue();
});

afterAll(() => catalogue.stop());

describe('when an admin adds to the catalogue', () => {
  it('creates a concert and a schedule with seats 1..seatCount at the given price', async () => {
    const { concertId, scheduleId } = await addConcertWithSchedule(
      catalogue.cachedApp,
      30,
      121_000,
    );

    const schedules = await schedulesOf(catalogue.cachedApp, concertId);
    expect(schedules).toEqual([
      {
        scheduleId,
        startsAt: '2027-05-01T10:00:00.000Z',
        availableSeats: 30,
        saleState: 'ON_SALE',
      },
    ]);
    const seatMap = await seatMapOf(catalogue.cachedApp, scheduleId);
    expect(seatMap.scheduleId).toBe(scheduleId);
    expect(seatMap.startsAt).toBe('2027-05-01T10:00:00.000Z');
    expect((await seatMapOf(catalogue.cachedApp, scheduleId)).startsAt).toBe(seatMap.startsAt);
    expect((await seatMapOf(catalogue.databaseApp, scheduleId)).startsAt).toBe(seatMap.startsAt);
    expect(seatMap.saleState).toBe('ON_SALE');
    expect(seatMap.seats.map((seat) => seat.number)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect(new Set(seatMap.seats.map((seat) => seat.seatId)).size).toBe(30);
    for (const seat of seatMap.seats) {
      expect(seat).toEqual({
        seatId: seat.seatId,
        number: seat.number,
        price: 121_000,
        status: 'AVAILABLE',
      });
    }
  });

  it('refuses anyone but an admin with 403 and writes nothing', async () => {
    const concerts = await catalogue.prisma.concert.count();
    const body = { title: 'Sneaky', artist: 'Nobody', venue: 'Nowhere' };
    for (const caller of [asUser('concert'), gatewayRead()]) {
      const response = await request(catalogue.cachedApp)
        .post('/api/v1/admin/concerts')
        .set(caller)
        .send(body)
        .expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const { concertId } = await addConcertWithSchedule(catalogue.cachedApp, 1);
    await request(catalogue.cachedApp)
      .post(`/api/v1/admin/concerts/${concertId}/schedules`)
      .set(asUser('concert'))
      .send({ startsAt: '2027-05-01T19:00:00+09:00', seatCount: 10, price: 1000 })
      .expect(403);
    expect(await catalogue.prisma.concert.count()).toBe(concerts + 1);
    expect(await catalogue.prisma.schedule.count({ where: { concertId } })).toBe(1);
  });

  it.each([
    [
      'the raw X-User-Id / X-User-Role headers',
      { 'X-User-Id': randomUUID(), 'X-User-Role': 'admin' },
    ],
    [
      'an admin statement signed with another secret',
      asUser('concert', { role: 'admin', secret: 'a-guessed-secret-of-at-least-32-characters' }),
    ],
    ['an admin statement for another service', asUser('reservation', { role: 'admin' })],
  ])('refuses %s with 401 and writes nothing', async (_, forged) => {
    const concerts = await catalogue.prisma.concert.count();
    const { concertId } = await addConcertWithSchedule(catalogue.cachedApp, 1);
    const created = await request(catalogue.cachedApp)
      .post('/api/v1/admin/concerts')
      .set(forged)
      .send({ title: 'Forged', artist: 'Nobody', venue: 'Nowhere' });
    const scheduled = await request(catalogue.cachedApp)
      .post(`/api/v1/admin/concerts/${concertId}/schedules`)
      .set(forged)
      .send({ startsAt: '2027-05-01T19:00:00+09:00', seatCount: 10, price: 1000 });
    const read = await request(catalogue.cachedApp).get('/api/v1/concerts').set(forged);

    for (const answer of [created, scheduled, read]) {
      expect(answer.status).toBe(401);
      expect(answer.body.type).toBe('https://headliner.dev/problems/caller-statement-rejected');
    }
    expect(await catalogue.prisma.concert.count()).toBe(concerts + 1);
    expect(await catalogue.prisma.schedule.count({ where: { concertId } })).toBe(1);
  });

  it.each([
    ['no seats', { seatCount: 0 }, 'body.seatCount'],
    ['more than 1000 seats', { seatCount: 1001 }, 'body.seatCount'],
    ['a negative price', { price: -1 }, 'body.price'],
    ['a start that is not a date', { startsAt: 'next friday' }, 'body.startsAt'],
    ['an unexpected field', { section: 'A' }, 'body.section'],
  ])('rejects a schedule with %s, naming the field', async (_case, change, field) => {
    const { concertId } = await addConcertWithSchedule(catalogue.cachedApp, 1);
    const valid = { startsAt: '2027-05-02T19:00:00+09:00', seatCount: 10, price: 99_000 };
    const response = await request(catalogue.cachedApp)
      .post(`/api/v1/admin/concerts/${concertId}/schedules`)
      .set(adminHeaders())
      .send({ ...valid, ...change })
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    expect(await catalogue.prisma.schedule.count({ where: { concertId } })).toBe(1);
  });

  it('rejects a concert without a title, naming the field', async () => {
    const response = await request(catalogue.cachedApp)
      .post('/api/v1/admin/concerts')
      .set(adminHeaders())
      .send({ artist: 'Neon Harbor', venue: 'KSPO Dome, Seoul' })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'body.title', rule: 'required', message: 'is required' },
    ]);
  });

  it('answers 404 for a schedule of an unknown concert and writes nothing', async () => {
    const seats = await catalogue.prisma.seat.count();
    await request(catalogue.cachedApp)
      .post(`/api/v1/admin/concerts/${randomUUID()}/schedules`)
      .set(adminHeaders())
      .send({ startsAt: '2027-05-01T19:00:00+09:00', seatCount: 10, price: 1000 })
      .expect(404);
    expect(await catalogue.prisma.seat.count()).toBe(seats);
  });

  it('shows a schedule added after the schedule list was cached', async () => {
    const { concertId } = await addConcertWithSchedule(catalogue.cachedApp, 5);
    expect(await schedulesOf(catalogue.cachedApp, concertId)).toHaveLength(1);
    const added = await request(catalogue.cachedApp)
      .post(`/api/v1/admin/concerts/${concertId}/schedules`)
      .set(adminHeaders())
      .send({ startsAt: '2027-04-30T19:00:00+09:00', seatCount: 1000, price: 1000 })
      .expect(201);
    const schedules = await schedulesOf(catalogue.cachedApp, concertId);
    expect(schedules[0]).toEqual({
      scheduleId: added.body.scheduleId,
      startsAt: '2027-04-30T10:00:00.000Z',
      availableSeats: 1000,
      saleState: 'ON_SALE',
    });
    expect(schedules).toHaveLength(2);
  });
});

describe.each([
  ['on', () => catalogue.cachedApp, 'public, max-age=1'],
  ['off', () => catalogue.databaseApp, 'no-store'],
])('when anyone browses the catalogue with the cache %s', (_cache, appOf, cacheControl) => {
  it(`lets shared caches such as the gateway keep what it reads (${cacheControl})`, async () => {
    const { concertId, scheduleId } = await addConcertWithSchedule(appOf(), 1);
    for (const path of [
      '/api/v1/concerts',
      `/api/v1/concerts/${concertId}/schedules`,
      `/api/v1/schedules/${scheduleId}/seats`,
    ]) {
      const answer = await request(appOf()).get(path).set(gatewayRead()).expect(200);
      expect(answer.headers['cache-control']).toBe(cacheControl);
    }
  });

  it('lists concerts newest first, with a description only where one was given', async () => {
    const older = await request(appOf())
      .post('/api/v1/admin/concerts')
      .set(adminHeaders())
      .send({ title: 'Afterglow Encore', artist: 'Paper Foxes', venue: 'Blue Square, Seoul' })
      .expect(201);
    // created_at has millisecond precision: keep the two apart.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await request(appOf())
      .post('/api/v1/admin/concerts')
      .set(adminHeaders())
      .send({ title: 'Moonrise', artist: 'Lunar Bloom', venue: 'KSPO Dome', description: 'Tour' })
      .expect(201);
    const { body } = await request(appOf()).get('/api/v1/concerts').set(gatewayRead()).expect(200);
    expect(body.items.slice(0, 2)).toEqual([
      {
        concertId: newer.body.concertId,
        title: 'Moonrise',
        artist: 'Lunar Bloom',
        venue: 'KSPO Dome',
        description: 'Tour',
      },
      {
        concertId: older.body.concertId,
        title: 'Afterglow Encore',
        artist: 'Paper Foxes',
        venue: 'Blue Square, Seoul',
      },
    ]);
  });

  it('answers 404 for an unknown concert or schedule and 400 for a malformed id', async () => {
    await request(appOf())
      .get(`/api/v1/concerts/${randomUUID()}/schedules`)
      .set(gatewayRead())
      .expect(404);
    await request(appOf())
      .get(`/api/v1/schedules/${randomUUID()}/seats`)
      .set(gatewayRead())
      .expect(404);
    const malformed = await request(appOf())
      .get('/api/v1/schedules/seven/seats')
      .set(gatewayRead())
      .expect(400);
    expect(malformed.body.errors[0].field).toBe('params.scheduleId');
  });

  it('answers an id in upper case with the id in lower case', async () => {
    const { scheduleId } = await addConcertWithSchedule(appOf(), 1);
    const seatMap = await seatMapOf(appOf(), scheduleId.toUpperCase());
    expect(seatMap.scheduleId).toBe(scheduleId);
    const seatId = seatMap.seats[0]?.seatId as string;
    expect(seatId).toBe(seatId.toLowerCase());
  });
});
