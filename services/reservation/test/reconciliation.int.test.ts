import { randomUUID } from 'node:crypto';
import { topicNames } from '@headliner/contracts';
import { createPgPool, sqlDatabase } from '@headliner/platform/database';
import { createTestDatabase, type TestDatabase } from '@headliner/testing';
import { Client, type Pool } from 'pg';
import { createDatabase, type Database } from '../src/infra/database';
import type { Repair } from '../src/domain/mismatch';
import { reconcile, type ReconciliationSources } from '../src/use-cases/reconcile';
import { repairMismatch } from '../src/use-cases/repair-mismatch';

const namespace = `test-${randomUUID().slice(0, 8)}.`;
const topics = topicNames(namespace);

describe('when the reconciliation runs against real databases', () => {
  let databases: TestDatabase[];
  let reservation: Database;
  let pools: Pool[];
  let sources: ReconciliationSources;

  beforeAll(async () => {
    databases = await Promise.all(
      ['reservation', 'wallet', 'concert'].map((owner) =>
        createTestDatabase(`headliner_${owner}_template`),
      ),
    );
    const [reservationDb, walletDb, concertDb] = databases as [
      TestDatabase,
      TestDatabase,
      TestDatabase,
    ];
    reservation = createDatabase(reservationDb.url, { poolSize: 4, kafkaNamespace: namespace });
    pools = [createPgPool(walletDb.url, 2), createPgPool(concertDb.url, 2)];
    sources = { reservation, wallet: sqlDatabase(pools[0]!), catalogue: sqlDatabase(pools[1]!) };
  });

  afterAll(async () => {
    await reservation?.$disconnect();
    await Promise.all(pools.map((pool) => pool.end()));
    await Promise.all(databases.map((database) => database.drop()));
  });

  const options = { graceSeconds: 0, paymentTimeoutSeconds: 60, repair: true };

  /** A reservation the saga confirmed an hour ago, with its completed payment. */
  async function confirmedSale() {
    const [id, paymentId, userId] = [randomUUID(), randomUUID(), randomUUID()];
    await reservation.$executeRaw`
      INSERT INTO reservations (id, user_id, schedule_id, seat_id, price, status, expires_at, updated_at)
      VALUES (${id}::uuid, ${userId}::uuid, ${randomUUID()}::uuid, ${randomUUID()}::uuid, 40000,
        'CONFIRMED', now(), now())`;
    await reservation.$executeRaw`
      INSERT INTO payments (id, reservation_id, user_id, amount, status, idempotency_key, request_hash, updated_at)
      VALUES (${paymentId}::uuid, ${id}::uuid, ${userId}::uuid, 40000, 'COMPLETED', ${randomUUID()},
        'hash', (now() AT TIME ZONE 'UTC') - interval '1 hour')`;
    return { id, paymentId, userId };
  }

  const outboxOf = async (reservationId: string) =>
    (
      await reservation.$queryRaw<{ topic: string; value: string }[]>`
        SELECT topic, value FROM outbox_events WHERE key = ${reservationId}`
    ).map((row) => {
      const { occurredAt, payload } = JSON.parse(row.value);
      return { topic: row.topic, occurredAt, payload };
    });

  describe('when another run holds the lock', () => {
    it('skips the run rather than reconcile side by side', async () => {
      const other = new Client({ connectionString: databases[0]!.url });
      await other.connect();
      try {
        await other.query(`SELECT pg_advisory_lock(hashtext('reservation.reconciliation'))`);
        expect(await reconcile(sources, options)).toEqual({ ran: false });
        await other.query(`SELECT pg_advisory_unlock(hashtext('reservation.reconciliation'))`);
        expect(await reconcile(sources, options)).toMatchObject({ ran: true });
      } finally {
        await other.end();
      }
    });
  });

  describe('when the catalogue still shows a seat held for a hold that lapsed unpaid', () => {
    it('finds it, though no payment names the reservation', async () => {
      const [id, seatId, scheduleId, concertId] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      await reservation.$executeRaw`
        INSERT INTO reservations (id, user_id, schedule_id, seat_id, price, status, expires_at, updated_at)
        VALUES (${id}::uuid, ${randomUUID()}::uuid, ${scheduleId}::uuid, ${seatId}::uuid, 40000,
          'EXPIRED', now(), now())`;
      const catalogue = sources.catalogue;
      await catalogue.$executeRaw`
        INSERT INTO concerts (id, title, artist, venue) VALUES (${concertId}::uuid, 'T', 'A', 'V')`;
      await catalogue.$executeRaw`
        INSERT INTO schedules (id, concert_id, starts_at, seat_count, available_seats)
        VALUES (${scheduleId}::uuid, ${concertId}::uuid, now(), 1, 0)`;
      await catalogue.$executeRaw`
        INSERT INTO seats (id, schedule_id, number, price, status, reservation_id, held_at)
        VALUES (${seatId}::uuid, ${scheduleId}::uuid, 1, 40000, 'HELD', ${id}::uuid, now())`;

      const report = await reconcile(sources, { ...options, repair: false });
      expect(report).toEqual({
        ran: true,
        mismatches: [
          expect.objectContaining({
            kind: 'seat_not_released',
            reservationId: id,
            seatId,
            repair: { send: 'reservation.released' },
            outcome: 'dry_run',
          }),
        ],
      });
      expect(await outboxOf(id)).toEqual([]);
    });
  });

  describe('when the fan cancelled a booking the wallet and the catalogue did not hear of', () => {
    it('sends the refund and the release again, each once the booking still calls for it', async () => {
      const sale = await confirmedSale();
      const [seat] = await reservation.$queryRaw<{ seatId: string; scheduleId: string }[]>`
        UPDATE reservations SET status = 'CANCELLED', updated_at = now() - interval '1 hour'
        WHERE id = ${sale.id}::uuid RETURNING seat_id AS "seatId", schedule_id AS "scheduleId"`;
      await reservation.$executeRaw`
        INSERT INTO booking_cancellations (reservation_id, user_id, payment_id, amount, idempotency_key)
        VALUES (${sale.id}::uuid, ${sale.userId}::uuid, ${sale.paymentId}::uuid, 40000, 'k')`;
      await sources.wallet.$executeRaw`
        INSERT INTO wallets (user_id, balance, updated_at) VALUES (${sale.userId}::uuid, 0, now())`;
      await sources.wallet.$executeRaw`
        INSERT INTO ledger_entries (id, user_id, kind, amount, reference, payment_id, balance_after, created_at)
        VALUES (${randomUUID()}::uuid, ${sale.userId}::uuid, 'DEBIT', 40000, ${sale.id},
          ${sale.paymentId}::uuid, 0, (now() AT TIME ZONE 'UTC') - interval '1 hour')`;
      const concertId = randomUUID();
      await sources.catalogue.$executeRaw`
        INSERT INTO concerts (id, title, artist, venue) VALUES (${concertId}::uuid, 'T', 'A', 'V')`;
      await sources.catalogue.$executeRaw`
        INSERT INTO schedules (id, concert_id, starts_at, seat_count, available_seats)
        VALUES (${seat!.scheduleId}::uuid, ${concertId}::uuid, now(), 1, 0)`;
      await sources.catalogue.$executeRaw`
        INSERT INTO seats (id, schedule_id, number, price, status, reservation_id)
        VALUES (${seat!.seatId}::uuid, ${seat!.scheduleId}::uuid, 1, 40000, 'SOLD', ${sale.id}::uuid)`;

      const report = await reconcile(sources, options);

      const mine = report.ran ? report.mismatches.filter((m) => m.reservationId === sale.id) : [];
      expect(mine.map(({ kind, outcome }) => [kind, outcome])).toEqual([
        ['refund_not_made', 'sent'],
        ['seat_not_released', 'sent'],
      ]);
      expect(
        (await outboxOf(sale.id)).map(({ topic, payload }) => [topic, payload.reason]),
      ).toEqual([
        [topics.paymentCancelled, 'CANCELLED_BY_FAN'],
        [topics.reservationReleased, 'BOOKING_CANCELLED'],
      ]);
    });
  });

  describe('when the saga moved on after the facts were read', () => {
    it('sends only the repair the reservation still calls for', async () => {
      const sale = await confirmedSale();
      const refund: Repair = {
        send: 'payment.cancelled',
        paymentId: sale.paymentId,
        userId: sale.userId,
        amount: 40_000,
        reason: 'RECONCILED',
      };
      const outcomes = [];
      for (const repair of [
        refund,
        { send: 'reservation.released' },
        { send: 'reservation.held' },
        { send: 'reservation.confirmed' },
      ] as Repair[]) {
        outcomes.push(await reservation.$transaction((tx) => repairMismatch(tx, sale.id, repair)));
      }
      expect(outcomes).toEqual(['moved_on', 'moved_on', 'moved_on', 'sent']);
      const [payment] = await reservation.$queryRaw<{ paidAt: Date }[]>`
        SELECT updated_at AS "paidAt" FROM payments WHERE id = ${sale.paymentId}::uuid`;
      expect(await outboxOf(sale.id)).toEqual([
        {
          topic: topics.reservationConfirmed,
          // The sale's own time, so the queue leaves alone a session the fan began since.
          occurredAt: payment?.paidAt.toISOString(),
          payload: expect.objectContaining({
            reservationId: sale.id,
            paymentId: sale.paymentId,
            amount: 40_000,
          }),
        },
      ]);
    });
  });
});
