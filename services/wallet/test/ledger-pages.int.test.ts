import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { asUser, testInternalAuthSecret } from '@headliner/testing';
import request from 'supertest';
import { createApp } from '../src/app';
import { settlePayment } from '../src/use-cases/settle-payment';
import { cancelPayment } from '../src/use-cases/cancel-payment';
import { aCancellationOf } from './support/payment-cancellations';
import { aPaymentRequest } from './support/payment-requests';
import { quietLogger } from './support/quiet-logger';
import { createWalletDatabase, type WalletDatabase } from './support/wallet-database';

describe('when a user reads their wallet ledger', () => {
  let db: WalletDatabase;
  let server: Server;

  beforeAll(async () => {
    db = await createWalletDatabase();
    server = createApp({
      db: db.sql,
      maxBalance: 100_000_000,
      dailyChargeCap: 100_000_000,
      logger: quietLogger,
      internalAuthSecret: testInternalAuthSecret,
    }).listen(0);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
  });

  const ledgerOf = (userId: string, query = '') =>
    request(server).get(`/api/v1/wallet/transactions${query}`).set(asUser('wallet', { userId }));
  const charge = (userId: string, amount: number) =>
    request(server)
      .post('/api/v1/wallet/charges')
      .set(asUser('wallet', { userId }))
      .set('Idempotency-Key', randomUUID())
      .send({ amount });

  it('shows charges, debits and refunds newest first, a page at a time, each once', async () => {
    const userId = randomUUID();
    await charge(userId, 100_000);
    const paid = aPaymentRequest({ userId, amount: 30_000 });
    await db.sql.$transaction((tx) => settlePayment(tx, paid.payload));
    await db.sql.$transaction((tx) =>
      cancelPayment(
        tx,
        { ...aCancellationOf(paid).payload, reason: 'CANCELLED_BY_FAN' },
        quietLogger,
      ),
    );
    await charge(userId, 5_000);
    await charge(randomUUID(), 7_000); // someone else's

    const first = await ledgerOf(userId, '?limit=3');
    const second = await ledgerOf(userId, `?limit=3&cursor=${first.body.nextCursor}`);

    expect(first.status).toBe(200);
    expect(second.body.nextCursor).toBeNull();
    const { reservationId, paymentId } = paid.payload;
    expect([...first.body.items, ...second.body.items]).toEqual([
      {
        transactionId: expect.any(String),
        kind: 'CHARGE',
        amount: 5_000,
        balanceAfter: 105_000,
        createdAt: expect.any(String),
      },
      {
        transactionId: expect.any(String),
        kind: 'REFUND',
        amount: 30_000,
        balanceAfter: 100_000,
        reservationId,
        paymentId,
        createdAt: expect.any(String),
      },
      {
        transactionId: expect.any(String),
        kind: 'DEBIT',
        amount: 30_000,
        balanceAfter: 70_000,
        reservationId,
        paymentId,
        createdAt: expect.any(String),
      },
      {
        transactionId: expect.any(String),
        kind: 'CHARGE',
        amount: 100_000,
        balanceAfter: 100_000,
        createdAt: expect.any(String),
      },
    ]);
  });

  it('shows an empty ledger to a user who never charged', async () => {
    const answer = await ledgerOf(randomUUID());
    expect(answer.body).toEqual({ items: [], nextCursor: null });
  });

  it.each(['?limit=0', '?limit=101', '?cursor=2026-01-01'])('refuses %s', async (query) => {
    const answer = await ledgerOf(randomUUID(), query);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toMatch(/^query\./);
  });
});
