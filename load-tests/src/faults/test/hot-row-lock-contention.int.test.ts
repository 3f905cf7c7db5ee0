import { randomUUID } from 'node:crypto';
import { eventually } from '@headliner/testing';
import type { Client } from 'pg';
import { hotRowLocks } from '../injectors/hot-row-lock-contention';
import { partialSystem } from './support/partial-system';
import { serviceDatabase, type ServiceDatabase } from './support/service-database';
import { timed } from './support/timed';

// What paying does first (reservation's request-payment.ts), with a lock timeout to measure by.
const lockForPayment = `SELECT status FROM reservations WHERE id = $1::uuid FOR UPDATE`;
const notAvailable = '55P03';

describe('hot-row-lock-contention', () => {
  const fault = hotRowLocks({ sessions: 2, holdMs: 1000 });
  let database: ServiceDatabase;
  let reservation: Client;
  const reservationId = randomUUID();
  const system = () => partialSystem({ databaseUrl: () => database.adminUrl });
  const drillSessions = async () =>
    Number(
      (
        await reservation.query(
          `SELECT count(*) FROM pg_stat_activity
           WHERE datname = current_database() AND application_name LIKE 'headliner-drill%'`,
        )
      ).rows[0].count,
    );
  const tryPaying = async () => {
    await reservation.query('BEGIN');
    try {
      await reservation.query(lockForPayment, [reservationId]);
    } finally {
      await reservation.query('ROLLBACK');
    }
  };

  beforeAll(async () => {
    database = await serviceDatabase('reservation');
    reservation = await database.asService();
    await reservation.query(`SET lock_timeout = '200ms'`);
    await reservation.query(
      `INSERT INTO reservations (id, user_id, schedule_id, seat_id, price, status, expires_at, updated_at)
       VALUES ($1, $2, $3, $4, 10000, 'HELD', now() + interval '5 minutes', now())`,
      [reservationId, randomUUID(), randomUUID(), randomUUID()],
    );
  });

  afterAll(async () => {
    await fault.remove(system());
    await reservation?.end();
    await database?.drop();
  });

  it("keeps a live hold's row locked while injected, and frees it and its sessions at removal", async () => {
    await tryPaying();

    await fault.inject(system());
    // Two sessions in turn: the row is locked whenever a fan tries, again and again.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(tryPaying()).rejects.toMatchObject({ code: notAvailable });
    }

    expect(await timed(() => fault.remove(system()))).toBeLessThan(1000);
    await fault.remove(system());
    await tryPaying();
    // A closed session's backend leaves pg_stat_activity a moment after the connection.
    expect(await eventually(drillSessions, (count) => count === 0, 2000)).toBe(0);
  });
});
