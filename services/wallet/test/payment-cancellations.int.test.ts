import { randomUUID } from 'node:crypto';
import { eventually } from '@headliner/testing';
import { cancelPayment } from '../src/consumers/cancel-payment';
import { settlePayment } from '../src/consumers/settle-payment';
import { refunds } from '../src/wallet-metrics';
import { aCancellationOf, publishCancellations, sentAgain } from './fixtures/payment-cancellations';
import { aPaymentRequest, publishPaymentRequests } from './fixtures/payment-requests';
import { startWalletSaga, type RunningWalletSaga } from './fixtures/running-wallet-saga';

describe('when the reservation service cancels a payment it stopped waiting for', () => {
  let saga: RunningWalletSaga;
  let db: RunningWalletSaga['db'];
  let topics: RunningWalletSaga['topics'];
  let producer: RunningWalletSaga['producer'];

  beforeAll(async () => {
    saga = await startWalletSaga();
    ({ db, topics, producer } = saga);
  });

  afterAll(async () => {
    await saga.stop();
  });

  async function walletWith(balance: number): Promise<string> {
    const userId = randomUUID();
    await db.prisma.wallet.create({ data: { userId, balance } });
    return userId;
  }
  const balanceOf = async (userId: string) =>
    Number((await db.prisma.wallet.findUniqueOrThrow({ where: { userId } })).balance);
  const entriesOf = async (userId: string) =>
    (
      await db.prisma.ledgerEntry.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } })
    ).map(({ kind, amount, reference, balanceAfter }) => ({
      kind,
      amount,
      reference,
      balanceAfter,
    }));
  const answersFor = (reservationId: string) =>
    db.prisma.outboxEvent.count({ where: { key: reservationId } });
  async function applied(...eventIds: string[]) {
    const count = await eventually(
      () => db.prisma.inboxEvent.count({ where: { eventId: { in: eventIds } } }),
      (n) => n === eventIds.length,
    );
    expect(count).toBe(eventIds.length);
  }
  const refundsCounted = async (outcome: string) =>
    (await refunds.get()).values.find((value) => value.labels.outcome === outcome)?.value ?? 0;

  it('refunds a debited payment once, whatever comes again', async () => {
    const userId = await walletWith(50_000);
    const request = aPaymentRequest({ userId, amount: 30_000 });
    const reservationId = request.payload.reservationId;
    await publishPaymentRequests(producer, topics.paymentRequested, [request]);
    await applied(request.eventId);
    expect(await balanceOf(userId)).toBe(20_000);
    const refunded = await refundsCounted('refunded');

    const cancellation = aCancellationOf(request);
    await publishCancellations(producer, topics.paymentCancelled, [cancellation]);
    await applied(cancellation.eventId);

    expect(await balanceOf(userId)).toBe(50_000);
    expect(await entriesOf(userId)).toEqual([
      { kind: 'DEBIT', amount: 30_000n, reference: reservationId, balanceAfter: 20_000n },
      { kind: 'REFUND', amount: 30_000n, reference: reservationId, balanceAfter: 50_000n },
    ]);
    expect(await refundsCounted('refunded')).toBe(refunded + 1);

    // Redelivered, sent anew, and the request anew: nothing moves.
    const again = sentAgain(cancellation);
    const requestAgain = aPaymentRequest({ ...request.payload });
    await publishCancellations(producer, topics.paymentCancelled, [cancellation, again]);
    await publishPaymentRequests(producer, topics.paymentRequested, [requestAgain]);
    await applied(again.eventId, requestAgain.eventId);

    expect(await balanceOf(userId)).toBe(50_000);
    expect(await entriesOf(userId)).toHaveLength(2);
    expect(await answersFor(reservationId)).toBe(1);
  });

  it('debits nothing and answers nothing when the cancellation comes before the request', async () => {
    const userId = await walletWith(50_000);
    const request = aPaymentRequest({ userId, amount: 30_000 });
    const notDebited = await refundsCounted('not_debited');

    const cancellation = aCancellationOf(request);
    await publishCancellations(producer, topics.paymentCancelled, [cancellation]);
    await applied(cancellation.eventId);
    await publishPaymentRequests(producer, topics.paymentRequested, [request]);
    await applied(request.eventId);

    expect(await balanceOf(userId)).toBe(50_000);
    expect(await entriesOf(userId)).toEqual([]);
    expect(await answersFor(request.payload.reservationId)).toBe(0);
    expect(await refundsCounted('not_debited')).toBe(notDebited + 1);
  });

  it('remembers the cancellation of a fan with no wallet, so a later request takes nothing', async () => {
    const request = aPaymentRequest({ amount: 1_000 });
    const { userId, reservationId } = request.payload;

    const cancellation = aCancellationOf(request);
    await publishCancellations(producer, topics.paymentCancelled, [cancellation]);
    await applied(cancellation.eventId);
    expect(
      await db.prisma.paymentCancellation.findUnique({ where: { reservationId } }),
    ).toMatchObject({ paymentId: request.payload.paymentId, userId, reason: 'TIMED_OUT' });
    // Charged in between: still nothing is taken for the cancelled payment.
    await db.prisma.wallet.update({ where: { userId }, data: { balance: 5_000 } });
    await publishPaymentRequests(producer, topics.paymentRequested, [request]);
    await applied(request.eventId);

    expect(await balanceOf(userId)).toBe(5_000);
    expect(await entriesOf(userId)).toEqual([]);
    expect(await answersFor(reservationId)).toBe(0);
  });

  it('ends with the balance it began with when a request and its cancellation meet', async () => {
    const userId = await walletWith(100_000);
    const ways = { refunded: 0, neverDebited: 0 };

    for (let round = 0; round < 12; round += 1) {
      const request = aPaymentRequest({ userId, amount: 40_000 });
      const cancellation = aCancellationOf(request);
      const settle = () => db.sql.$transaction((tx) => settlePayment(tx, request.payload, topics));
      const cancel = () => db.sql.$transaction((tx) => cancelPayment(tx, cancellation.payload));
      // Each in its own transaction at once, as two consumer instances would run them.
      await Promise.all(round % 2 === 0 ? [settle(), cancel()] : [cancel(), settle()]);

      const { reservationId } = request.payload;
      const kinds = (await entriesOf(userId))
        .filter((entry) => entry.reference === reservationId)
        .map((entry) => entry.kind)
        .sort();
      expect(await balanceOf(userId)).toBe(100_000);
      if (kinds.length === 0) {
        ways.neverDebited += 1;
        expect(await answersFor(reservationId)).toBe(0);
      } else {
        ways.refunded += 1;
        expect(kinds).toEqual(['DEBIT', 'REFUND']);
        expect(await answersFor(reservationId)).toBe(1);
      }
    }
    expect(ways.refunded + ways.neverDebited).toBe(12);
  });
});
