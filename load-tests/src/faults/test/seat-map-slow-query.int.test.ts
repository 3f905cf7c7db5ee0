import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { slowSeatReads } from '../injectors/seat-map-slow-query';
import { partialSystem } from './support/partial-system';
import { serviceDatabase, type ServiceDatabase } from './support/service-database';
import { timed } from './support/timed';

// The seat map's own query (concert's catalogue-store.ts loadSeatMap).
const seatMapQuery = `SELECT id, number, price, status::text, version FROM seats
  WHERE schedule_id = $1::uuid ORDER BY number`;

describe('seat-map-slow-query', () => {
  const fault = slowSeatReads(1);
  let database: ServiceDatabase;
  let concert: Client;
  const scheduleId = randomUUID();
  const system = () => partialSystem({ databaseUrl: () => database.adminUrl });
  const tableState = async () =>
    (
      await concert.query(`SELECT relrowsecurity, relforcerowsecurity,
         (SELECT count(*) FROM pg_policies WHERE tablename = 'seats') AS policies
         FROM pg_class WHERE relname = 'seats'`)
    ).rows[0];

  beforeAll(async () => {
    database = await serviceDatabase('concert');
    concert = await database.asService();
    const concertId = randomUUID();
    await concert.query(
      `INSERT INTO concerts (id, title, artist, venue) VALUES ($1, 'Drill', 'Drill', 'Hall')`,
      [concertId],
    );
    await concert.query(
      `INSERT INTO schedules (id, concert_id, starts_at, seat_count, available_seats)
       VALUES ($1, $2, now() + interval '30 days', 100, 100)`,
      [scheduleId, concertId],
    );
    await concert.query(
      `INSERT INTO seats (id, schedule_id, number, price)
       SELECT gen_random_uuid(), $1, n, 10000 FROM generate_series(1, 100) n`,
      [scheduleId],
    );
  });

  afterAll(async () => {
    await fault.remove(system());
    await concert?.end();
    await database?.drop();
  });

  it('makes the seat map slow once per query in PostgreSQL, lets writes through, and leaves the table as it was', async () => {
    const before = await tableState();
    expect(await timed(() => concert.query(seatMapQuery, [scheduleId]))).toBeLessThan(500);

    await fault.inject(system());
    const slow = await timed(async () => {
      const { rowCount } = await concert.query(seatMapQuery, [scheduleId]);
      expect(rowCount).toBe(100);
    });
    // Once per statement, not once per seat (100 seats would take 100 s).
    expect(slow).toBeGreaterThanOrEqual(1000);
    expect(slow).toBeLessThan(3000);
    await concert.query(`UPDATE seats SET version = version + 1 WHERE schedule_id = $1`, [
      scheduleId,
    ]);
    await concert.query(
      `INSERT INTO seats (id, schedule_id, number, price) VALUES (gen_random_uuid(), $1, 101, 1)`,
      [scheduleId],
    );

    await fault.remove(system());
    await fault.remove(system());
    expect(await timed(() => concert.query(seatMapQuery, [scheduleId]))).toBeLessThan(500);
    expect(await tableState()).toEqual(before);
  });
});
