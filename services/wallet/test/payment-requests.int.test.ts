import { randomUUID } from 'node:crypto';
import type { PaymentRequestedPayload } from '@headliner/contracts';
import { eventually } from '@headliner/testing';
import { settlePayment } from '../src/use-cases/settle-payment';
import { aPaymentRequest } from './support/payment-requests';
import { startWalletSaga, type RunningWalletSaga } from './support/running-wallet-saga';
import { recordTopics } from './support/topic-recorder';
import { publishByReservation } from './support/publish-by-reservation';

describe('when the wallet settles payment requests', () => {
  let saga: RunningWalletSaga;
  let db: RunningWalletSaga['db'];
  let topics: RunningWalletSaga['topics'];
  let producer: RunningWalletSaga['producer'];
  let outcomes: Awaited<ReturnType<typeof recordTopics>>;

  beforeAll(async () => {
    saga = await startWalletSaga();
    ({ db, topics, producer } = saga);
    outcomes = await recordTopics(saga.kafka, [topics.paymentCompleted, topics.paymentFailed]);
  });

  afterAll(async () => {
    await outcomes.stop();
    await saga.stop();
  });

  async function walletWith(balance: number): Promise<string> {
    const userId = randomUUID();
    await db.prisma.wallet.create({ data: { userId, balance } });
    return userId;
  }
  const balanceOf = async (userId: string) =>
    Number((await db.prisma.wallet.findUniqueOrThrow({ where: { userId } })).balance);
  const debitsOf = (userId: string) =>
    db.prisma.ledgerEntry.findMany({ where: { userId, kind: 'DEBIT' } });
  const isApplied = async (eventId: string) =>
    (await db.prisma.inboxEvent.count({ where: { eventId } })) === 1;
  const outboxRowsFor = (reservationId: string) =>
    db.prisma.outboxEvent.count({ where: { key: reservationId } });
  const outcomeOf = (topic: string, reservationId: string) =>
    eventually(
      async () => outcomes.keyed(topic, reservationId),
      (messages) => messages.length > 0,
    );

  it('debits once and announces payment.completed with the new balance', async () => {
    const userId = await walletWith(50_000);
    const request = aPaymentRequest({ userId, amount: 30_000 });
    await publishByReservation(producer, topics.paymentRequested, [request]);

    const [completed] = await outcomeOf(topics.paymentCompleted, request.payload.reservationId);
    expect(completed?.value).toMatchObject({
      type: 'payment.completed',
      version: 1,
      payload: { ...request.payload, balance: 20_000 },
    });
    expect(await balanceOf(userId)).toBe(20_000);
    const [debit] = await debitsOf(userId);
    expect(debit).toMatchObject({
      amount: 30_000n,
      reference: request.payload.reservationId,
      paymentId: request.payload.paymentId,
      balanceAfter: 20_000n,
    });
  });

  it('neither debits nor announces again when the request comes back, redelivered or anew', async () => {
    const userId = await walletWith(50_000);
    const request = aPaymentRequest({ userId, amount: 30_000 });
    const sameReservationAgain = aPaymentRequest({ ...request.payload, paymentId: randomUUID() });
    await publishByReservation(producer, topics.paymentRequested, [request]);
    await outcomeOf(topics.paymentCompleted, request.payload.reservationId);

    await publishByReservation(producer, topics.paymentRequested, [request, sameReservationAgain]);
    // One partition keeps the order: once the new event is applied, the redelivery was handled.
    const applied = await eventually(
      () => isApplied(sameReservationAgain.eventId),
      (done) => done,
    );

    expect(applied).toBe(true);
    expect(await balanceOf(userId)).toBe(20_000);
    expect(await debitsOf(userId)).toHaveLength(1);
    expect(await outboxRowsFor(request.payload.reservationId)).toBe(1);
  });

  it('announces payment.failed INSUFFICIENT_BALANCE and leaves a short balance alone', async () => {
    const userId = await walletWith(10_000);
    const request = aPaymentRequest({ userId, amount: 10_001 });
    await publishByReservation(producer, topics.paymentRequested, [request]);

    const [failed] = await outcomeOf(topics.paymentFailed, request.payload.reservationId);
    expect(failed?.value).toMatchObject({
      type: 'payment.failed',
      payload: { ...request.payload, reason: 'INSUFFICIENT_BALANCE' },
    });
    expect(await balanceOf(userId)).toBe(10_000);
    expect(await debitsOf(userId)).toHaveLength(0);
    expect(outcomes.keyed(topics.paymentCompleted, request.payload.reservationId)).toHaveLength(0);
  });

  it('announces payment.failed WALLET_NOT_FOUND for a user who never charged', async () => {
    const request = aPaymentRequest({ amount: 1_000 });
    await publishByReservation(producer, topics.paymentRequested, [request]);

    const [failed] = await outcomeOf(topics.paymentFailed, request.payload.reservationId);
    expect(failed?.value).toMatchObject({ payload: { reason: 'WALLET_NOT_FOUND' } });
    expect(await db.prisma.wallet.count({ where: { userId: request.payload.userId } })).toBe(0);
  });

  it('never overdraws a wallet when debits for several reservations race', async () => {
    const userId = await walletWith(10_000);
    const requests = Array.from({ length: 10 }, () => aPaymentRequest({ userId, amount: 3_000 }));

    // Each in its own transaction at once, as several consumer instances would run them.
    await Promise.all(
      requests.map(({ payload }) => db.sql.$transaction((tx) => settlePayment(tx, payload))),
    );

    const settled = await outcomeTypes(requests.map(({ payload }) => payload));
    expect(settled.completed).toBe(3);
    expect(settled.failed).toBe(7);
    expect(await balanceOf(userId)).toBe(1_000);
    expect(await debitsOf(userId)).toHaveLength(3);
  });

  async function outcomeTypes(requests: PaymentRequestedPayload[]) {
    const rows = await db.prisma.outboxEvent.findMany({
      where: { key: { in: requests.map((request) => request.reservationId) } },
    });
    return {
      completed: rows.filter((row) => row.topic === topics.paymentCompleted).length,
      failed: rows.filter((row) => row.topic === topics.paymentFailed).length,
    };
  }
});
