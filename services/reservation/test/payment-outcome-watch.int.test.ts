import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@headliner/testing';
import { createDatabase, type Database } from '../src/infra/database';
import { watchPaymentOutcomes } from '../src/infra/payment-outcome-watch';
import { quietLogger } from './support/booking-service';

describe('when payment requests wait for the wallet’s answer', () => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase('headliner_reservation_template');
    db = createDatabase(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function requestedPayment(): Promise<string> {
    const [reservationId, paymentId, userId] = [randomUUID(), randomUUID(), randomUUID()];
    await db.$executeRaw`
      INSERT INTO reservations (id, user_id, schedule_id, seat_id, price, status, expires_at, updated_at)
      VALUES (${reservationId}::uuid, ${userId}::uuid, ${randomUUID()}::uuid, ${randomUUID()}::uuid,
        1000, 'HELD', now() + interval '5 minutes', now())`;
    await db.$executeRaw`
      INSERT INTO payments (id, reservation_id, user_id, amount, status, idempotency_key,
        request_hash, updated_at)
      VALUES (${paymentId}::uuid, ${reservationId}::uuid, ${userId}::uuid, 1000, 'REQUESTED',
        ${randomUUID()}, 'hash', now())`;
    return paymentId;
  }

  it('answers the moment this process records the answer, without waiting to read it', async () => {
    const watch = watchPaymentOutcomes(db, quietLogger, { pollIntervalMs: 60_000 });
    const paymentId = await requestedPayment();
    const started = Date.now();

    const outcome = watch.outcomeOf(paymentId, 5000);
    watch.settled(paymentId, { status: 'COMPLETED', balance: 9000 });

    expect(await outcome).toEqual({ status: 'COMPLETED', balance: 9000 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reads answers recorded elsewhere (another replica, the time-out sweep) soon after', async () => {
    const watch = watchPaymentOutcomes(db, quietLogger, { pollIntervalMs: 50 });
    const [paid, refused, timedOut] = [
      await requestedPayment(),
      await requestedPayment(),
      await requestedPayment(),
    ];
    const outcomes = Promise.all([paid, refused, timedOut].map((id) => watch.outcomeOf(id, 5000)));

    await db.$executeRaw`
      UPDATE payments SET status = 'COMPLETED', balance_after = 4000 WHERE id = ${paid}::uuid`;
    await db.$executeRaw`
      UPDATE payments SET status = 'FAILED', failure_reason = 'INSUFFICIENT_BALANCE'
      WHERE id = ${refused}::uuid`;
    await db.$executeRaw`
      UPDATE payments SET status = 'FAILED', failure_reason = 'TIMED_OUT'
      WHERE id = ${timedOut}::uuid`;

    expect(await outcomes).toEqual([
      { status: 'COMPLETED', balance: 4000 },
      { status: 'FAILED', reason: 'INSUFFICIENT_BALANCE' },
      { status: 'TIMED_OUT' },
    ]);
  });

  it('answers PENDING once the wait is over, and answers every request for one payment', async () => {
    const watch = watchPaymentOutcomes(db, quietLogger, { pollIntervalMs: 50 });
    const paymentId = await requestedPayment();

    const impatient = watch.outcomeOf(paymentId, 200);
    const patient = watch.outcomeOf(paymentId, 5000);

    expect(await impatient).toEqual({ status: 'PENDING' });
    watch.settled(paymentId, { status: 'FAILED', reason: 'WALLET_NOT_FOUND' });
    expect(await patient).toEqual({ status: 'FAILED', reason: 'WALLET_NOT_FOUND' });
  });
});
