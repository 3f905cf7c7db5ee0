import { randomUUID } from 'node:crypto';
import { eventually, readMessages } from '@headliner/testing';
import { cancelPayment } from '../src/use-cases/cancel-payment';
import { settlePayment } from '../src/use-cases/settle-payment';
import { refunds, sales } from '../src/metrics';
import { aSaleOf } from './support/confirmed-sales';
import { aCancellationOf, byTheFan, sentAgain } from './support/payment-cancellations';
import { aPaymentRequest } from './support/payment-requests';
import { quietLogger } from './support/quiet-logger';
import { startWalletSaga, type RunningWalletSaga } from './support/running-wallet-saga';
import { publishByReservation } from './support/publish-by-reservation';

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
  const salesCounted = async (outcome: string) =>
    (await sales.get()).values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
  async function debited(userId: string, amount: number) {
    const request = aPaymentRequest({ userId, amount });
    await publishByReservation(producer, topics.paymentRequested, [request]);
    await applied(request.eventId);
    return request;
  }
  const deadLettered = async (reservationId: string) => {
    const dlq = `${topics.paymentCancelled}.dlq`;
    const letters = await eventually(
      () => readMessages(saga.kafka, dlq, 1, 5_000),
      (messages) => messages.some((message) => message.key?.toString() === reservationId),
    );
    return letters.filter((message) => message.key?.toString() === reservationId);
  };

  it('refunds a debited payment once, whatever comes again', async () => {
    const userId = await walletWith(50_000);
    const request = aPaymentRequest({ userId, amount: 30_000 });
    const reservationId = request.payload.reservationId;
    await publishByReservation(producer, topics.paymentRequested, [request]);
    await applied(request.eventId);
    expect(await balanceOf(userId)).toBe(20_000);
    const refunded = await refundsCounted('refunded');

    const cancellation = aCancellationOf(request);
    await publishByReservation(producer, topics.paymentCancelled, [cancellation]);
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
    await publishByReservation(producer, topics.paymentCancelled, [cancellation, again]);
    await publishByReservation(producer, topics.paymentRequested, [requestAgain]);
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
    await publishByReservation(producer, topics.paymentCancelled, [cancellation]);
    await applied(cancellation.eventId);
    await publishByReservation(producer, topics.paymentRequested, [request]);
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
    await publishByReservation(producer, topics.paymentCancelled, [cancellation]);
    await applied(cancellation.eventId);
    expect(
      await db.prisma.paymentCancellation.findUnique({ where: { reservationId } }),
    ).toMatchObject({ paymentId: request.payload.paymentId, userId, reason: 'TIMED_OUT' });
    // Charged in between: still nothing is taken for the cancelled payment.
    await db.prisma.wallet.update({ where: { userId }, data: { balance: 5_000 } });
    await publishByReservation(producer, topics.paymentRequested, [request]);
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
      const settle = () => db.sql.$transaction((tx) => settlePayment(tx, request.payload));
      const cancel = () =>
        db.sql.$transaction((tx) => cancelPayment(tx, cancellation.payload, quietLogger));
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

  describe('when the reservation service had confirmed the sale', () => {
    it('refunds nothing for it and dead-letters the cancellation, yet refunds an unsold one once', async () => {
      const userId = await walletWith(100_000);
      const sold = await debited(userId, 30_000);
      const unsold = await debited(userId, 20_000);
      const sale = aSaleOf(sold);
      await publishByReservation(producer, topics.reservationConfirmed, [sale]);
      await applied(sale.eventId);
      expect(await balanceOf(userId)).toBe(50_000);
      const refused = await refundsCounted('refused_confirmed');

      const soldCancellation = aCancellationOf(sold);
      const unsoldCancellation = aCancellationOf(unsold);
      await publishByReservation(producer, topics.paymentCancelled, [
        soldCancellation,
        unsoldCancellation,
        sentAgain(unsoldCancellation),
      ]);

      const [letter] = await deadLettered(sold.payload.reservationId);
      expect(letter?.headers?.['dlq-error-name']?.toString()).toBe('NonRetriableError');
      expect(letter?.headers?.['dlq-error-message']?.toString()).toMatch(/confirmed sale/);
      expect(JSON.parse(letter?.value?.toString() ?? 'null')).toEqual(soldCancellation);
      await eventually(
        () => balanceOf(userId),
        (balance) => balance === 70_000,
      );
      expect(await balanceOf(userId)).toBe(70_000);
      const entries = await entriesOf(userId);
      expect(entries.filter((entry) => entry.reference === sold.payload.reservationId)).toEqual([
        {
          kind: 'DEBIT',
          amount: 30_000n,
          reference: sold.payload.reservationId,
          balanceAfter: 70_000n,
        },
      ]);
      expect(
        entries
          .filter((entry) => entry.reference === unsold.payload.reservationId)
          .map((e) => e.kind),
      ).toEqual(['DEBIT', 'REFUND']);
      expect(
        await db.prisma.paymentCancellation.count({
          where: { reservationId: sold.payload.reservationId },
        }),
      ).toBe(0);
      expect(await refundsCounted('refused_confirmed')).toBe(refused + 1);
    });

    it('refunds a sale the fan cancelled once, whatever comes again', async () => {
      const userId = await walletWith(100_000);
      const sold = await debited(userId, 30_000);
      const sale = aSaleOf(sold);
      await publishByReservation(producer, topics.reservationConfirmed, [sale]);
      await applied(sale.eventId);
      const refunded = await refundsCounted('refunded');

      const cancelled = byTheFan(aCancellationOf(sold));
      const again = sentAgain(cancelled);
      await publishByReservation(producer, topics.paymentCancelled, [cancelled, again]);
      await applied(cancelled.eventId, again.eventId);

      expect(await balanceOf(userId)).toBe(100_000);
      const { reservationId } = sold.payload;
      expect((await entriesOf(userId)).map((entry) => entry.kind)).toEqual(['DEBIT', 'REFUND']);
      expect(
        await db.prisma.paymentCancellation.findUnique({ where: { reservationId } }),
      ).toMatchObject({ reason: 'CANCELLED_BY_FAN' });
      expect(await refundsCounted('refunded')).toBe(refunded + 1);
    });

    it('takes a sale that arrives after the fan cancelled it as it should, refunded', async () => {
      const userId = await walletWith(50_000);
      const sold = await debited(userId, 30_000);
      const cancelled = byTheFan(aCancellationOf(sold));
      await publishByReservation(producer, topics.paymentCancelled, [cancelled]);
      await applied(cancelled.eventId);
      const [refundedBefore, cancelledByFan] = [
        await salesCounted('refunded_before'),
        await salesCounted('cancelled_by_fan'),
      ];

      const sale = aSaleOf(sold);
      await publishByReservation(producer, topics.reservationConfirmed, [sale]);
      await applied(sale.eventId);

      expect(await balanceOf(userId)).toBe(50_000);
      expect(await salesCounted('cancelled_by_fan')).toBe(cancelledByFan + 1);
      expect(await salesCounted('refunded_before')).toBe(refundedBefore);
    });

    it('records a sale whose debit was refunded before, and counts it for an operator', async () => {
      const userId = await walletWith(50_000);
      const request = await debited(userId, 30_000);
      const cancellation = aCancellationOf(request);
      await publishByReservation(producer, topics.paymentCancelled, [cancellation]);
      await applied(cancellation.eventId);
      const refundedBefore = await salesCounted('refunded_before');

      const sale = aSaleOf(request);
      await publishByReservation(producer, topics.reservationConfirmed, [sale, sale]);
      await applied(sale.eventId);

      expect(await balanceOf(userId)).toBe(50_000);
      expect(
        await db.prisma.confirmedSale.findUnique({
          where: { reservationId: request.payload.reservationId },
        }),
      ).toMatchObject({ paymentId: request.payload.paymentId, userId, amount: 30_000n });
      expect(await salesCounted('refunded_before')).toBe(refundedBefore + 1);
    });
  });
});
