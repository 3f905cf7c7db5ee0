import { randomUUID } from 'node:crypto';
import { MAX_SCHEDULES_PER_CONCERT } from '@headliner/contracts';
import request from 'supertest';
import {
  addConcertWithSchedule,
  adminHeaders,
  schedulesOf,
  startTestCatalogue,
  type TestCatalogue,
} from './support/test-catalogue';

let catalogue: TestCatalogue;

beforeAll(async () => {
  catalogue = await startTestCatalogue();
});

afterAll(() => catalogue.stop());

/** Fills the concert up to `count` schedules straight in the database, one seat each. */
async function fillSchedules(concertId: string, count: number) {
  const existing = await catalogue.prisma.schedule.count({ where: { concertId } });
  await catalogue.prisma.schedule.createMany({
    data: Array.from({ length: count - existing }, (_, i) => ({
      id: randomUUID(),
      concertId,
      startsAt: new Date(Date.parse('2027-01-01T10:00:00Z') + i * 86_400_000),
      seatCount: 1,
      availableSeats: 1,
    })),
  });
}

const addSchedule = (concertId: string) =>
  request(catalogue.databaseApp)
    .post(`/api/v1/admin/concerts/${concertId}/schedules`)
    .set(adminHeaders())
    .send({ startsAt: '2028-05-01T19:00:00+09:00', seatCount: 10, price: 1000 });

describe('when a concert reaches the most schedules one may have', () => {
  it('refuses one more with 409, so the schedule list stays within its bound', async () => {
    const { concertId } = await addConcertWithSchedule(catalogue.databaseApp, 1);
    await fillSchedules(concertId, MAX_SCHEDULES_PER_CONCERT);

    const refused = await addSchedule(concertId);

    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.title).toBe('Too many schedules');
    expect(await catalogue.prisma.schedule.count({ where: { concertId } })).toBe(
      MAX_SCHEDULES_PER_CONCERT,
    );
    expect(await schedulesOf(catalogue.databaseApp, concertId)).toHaveLength(
      MAX_SCHEDULES_PER_CONCERT,
    );
  });

  it('lets only one of two admins racing for the last place through', async () => {
    const { concertId } = await addConcertWithSchedule(catalogue.databaseApp, 1);
    await fillSchedules(concertId, MAX_SCHEDULES_PER_CONCERT - 1);

    const answers = await Promise.all([addSchedule(concertId), addSchedule(concertId)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await catalogue.prisma.schedule.count({ where: { concertId } })).toBe(
      MAX_SCHEDULES_PER_CONCERT,
    );
  });
});
