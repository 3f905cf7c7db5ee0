import { randomUUID } from 'node:crypto';
import { parseEvent, partitionKeyOf, type PaymentRequestedPayload } from '@headliner/contracts';
import { asUser, eventually, readMessages } from '@headliner/testing';
import { watchPaymentOutcomes } from '../src/infra/payment-outcome-watch';
import { quietLogger, startBookingService, type BookingService } from './support/booking-service';
import { startFakeWallet, type WalletAnswer } from './support/fake-wallet';
import type { ServiceClient } from './support/service-client';

const problem = (slug: string) => `https://headliner.dev/problems/${slug}`;

describe('when a fan pays for a held seat', () => {
  let service: BookingService;
  let wallet: Awaited<ReturnType<typeof startFakeWallet>>;
  // How the stand-in wallet answers each fan; anyone else has plenty of money.
  const answers = new Map<string, (request: PaymentRequestedPayload) => Promise<WalletAnswer>>();

  beforeAll(async () => {
    service = await startBookingService({ consumer: true });
    wallet = await startFakeWallet(
      service.kafka,
      service.topics,
      (request) =>
        answers.get(request.userId)?.(request) ?? { pay: true, balance: 200_000 - request.amount },
    );
  });
  afterAll(async () => {
    await wallet?.stop();
    await service?.stop();
  });

  async function holdSeat(client: ServiceClient = service.client, price = 70_000) {
    const { seats } = service.concert.addSchedule(1, price);
    const fan = randomUUID();
    const held = await client.hold(fan, seats[0]!);
    expect(held.status).toBe(201);
    return { fan, seat: seats[0]!, reservationId: held.body.reservationId as string };
  }
  const reservationOf = (fan: string, reservationId: string) =>
    service.client.reservation(fan, reservationId).then((answer) => answer.body.status);
  const paymentRows = (reservationId: string) =>
    service.prisma.payment.findMany({ where: { reservationId } });

  it('confirms the reservation once the wallet debits it, over Kafka', async () => {
    const { fan, seat, reservationId } = await holdSeat();

    const paid = await service.client.pay(fan, reservationId, randomUUID());

    expect(paid.status).toBe(200);
    expect(paid.body).toEqual({
      paymentId: expect.any(String),
      reservationId,
      status: 'COMPLETED',
      amount: 70_000,
      balance: 130_000,
    });
    expect(await reservationOf(fan, reservationId)).toBe('CONFIRMED');
    expect(wallet.requested).toContainEqual({
      paymentId: paid.body.paymentId,
      reservationId,
      userId: fan,
      amount: 70_000,
    });
    const confirmed = await eventually(
      async () =>
        (await readMessages(service.kafka, service.topics.reservationConfirmed, 1, 5000)).map((m) =>
          parseEvent(m.value),
        ),
      (events) => events.some((event) => partitionKeyOf(event) === reservationId),
    );
    expect(confirmed.find((event) => partitionKeyOf(event) === reservationId)?.payload).toEqual({
      reservationId,
      scheduleId: seat.scheduleId,
      seatId: seat.seatId,
      userId: fan,
      paymentId: paid.body.paymentId,
      amount: 70_000,
    });
  });

  it('answers a payment whose answer another replica consumed, from the database', async () => {
    // This replica's watch hears of no answer: the consumer reports to the first replica's.
    const otherReplica = await service.serve({
      outcomes: watchPaymentOutcomes(service.db, quietLogger),
    });
    const { fan, reservationId } = await holdSeat(otherReplica);

    const paid = await otherReplica.pay(fan, reservationId, randomUUID());

    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ reservationId, status: 'COMPLETED', balance: 130_000 });
  });

  it('confirms a payment that leaves more than 2,147,483,647 won in the wallet', async () => {
    const { fan, reservationId } = await holdSeat();
    const balance = 2_147_483_647 + 70_000;
    answers.set(fan, async () => ({ pay: true, balance }));

    const paid = await service.client.pay(fan, reservationId, randomUUID());

    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ reservationId, status: 'COMPLETED', balance });
    expect(await reservationOf(fan, reservationId)).toBe('CONFIRMED');
    const [payment] = await paymentRows(reservationId);
    expect(payment?.balanceAfter).toBe(BigInt(balance));
  });

  it('answers 402 and cancels the hold, freeing the seat, when the balance is too low', async () => {
    const { fan, seat, reservationId } = await holdSeat();
    answers.set(fan, async () => ({ pay: false, reason: 'INSUFFICIENT_BALANCE' }));

    const refused = await service.client.pay(fan, reservationId, randomUUID());

    expect(refused.status).toBe(402);
    expect(refused.body.type).toBe(problem('insufficient-balance'));
    expect(await reservationOf(fan, reservationId)).toBe('CANCELLED');
    const released = (await service.outboxEvents(service.topics.reservationReleased)).filter(
      (event) => event.payload.reservationId === reservationId,
    );
    expect(released.map((event) => event.payload.reason)).toEqual(['PAYMENT_FAILED']);
    expect((await service.client.hold(randomUUID(), seat)).status).toBe(201);
  });

  it('answers 402 when the fan has no wallet', async () => {
    const { fan, reservationId } = await holdSeat();
    answers.set(fan, async () => ({ pay: false, reason: 'WALLET_NOT_FOUND' }));

    const refused = await service.client.pay(fan, reservationId, randomUUID());

    expect(refused.status).toBe(402);
    expect(refused.body.type).toBe(problem('wallet-not-found'));
  });

  it('takes one payment for a request sent several times at once with one key', async () => {
    const { fan, reservationId } = await holdSeat();
    const key = randomUUID();

    const paid = await Promise.all(
      Array.from({ length: 5 }, () => service.client.pay(fan, reservationId, key)),
    );

    expect(paid.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(paid.map((answer) => answer.body.paymentId)).size).toBe(1);
    expect(await paymentRows(reservationId)).toHaveLength(1);
    expect(
      wallet.requested.filter((request) => request.reservationId === reservationId),
    ).toHaveLength(1);
  });

  it('refuses another key for a paid reservation, and a key reused for another payment', async () => {
    const first = await holdSeat();
    const key = randomUUID();
    expect((await service.client.pay(first.fan, first.reservationId, key)).status).toBe(200);
    const second = await service.client.hold(first.fan, service.concert.addSchedule(1).seats[0]!);

    const anotherKey = await service.client.pay(first.fan, first.reservationId, randomUUID());
    const reusedKey = await service.client.pay(first.fan, second.body.reservationId, key);

    expect(anotherKey.status).toBe(409);
    expect(anotherKey.body.type).toBe(problem('reservation-already-paid'));
    expect(reusedKey.status).toBe(422);
    expect(reusedKey.body.type).toBe(problem('idempotency-key-reused'));
    expect(await paymentRows(first.reservationId)).toHaveLength(1);
    expect(await paymentRows(second.body.reservationId)).toHaveLength(0);
  });

  it('pays one reservation when one key is sent for four at once, refusing the others', async () => {
    const fan = randomUUID();
    const { seats } = service.concert.addSchedule(4);
    const holds = await Promise.all(seats.map((seat) => service.client.hold(fan, seat)));
    const reservationIds = holds.map((held) => held.body.reservationId as string);
    const key = randomUUID();

    const paid = await Promise.all(
      reservationIds.map((reservationId) => service.client.pay(fan, reservationId, key)),
    );

    expect(paid.map((answer) => answer.status).sort()).toEqual([200, 422, 422, 422]);
    for (const refused of paid.filter((answer) => answer.status === 422)) {
      expect(refused.body.type).toBe(problem('idempotency-key-reused'));
    }
    const rows = await service.prisma.payment.findMany({ where: { idempotencyKey: key } });
    expect(rows).toHaveLength(1);
  });

  it("refuses to pay for someone else's reservation or an unknown one, alike", async () => {
    const { reservationId } = await holdSeat();
    const stranger = randomUUID();

    const someoneElses = await service.client.pay(stranger, reservationId, randomUUID());
    const unknown = await service.client.pay(stranger, randomUUID(), randomUUID());

    expect(someoneElses.status).toBe(409);
    expect(unknown.status).toBe(409);
    expect(someoneElses.body.type).toBe(problem('reservation-not-yours'));
    expect(unknown.body.type).toBe(problem('reservation-not-yours'));
    expect(await paymentRows(reservationId)).toHaveLength(0);
  });

  it('refuses a payment without an Idempotency-Key', async () => {
    const { fan, reservationId } = await holdSeat();

    const answer = await service.client.send(
      'POST',
      '/api/v1/payments',
      asUser('reservation', { userId: fan }),
      { reservationId },
    );

    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('headers.idempotency-key');
  });

  it('answers 202 when the wallet is slow, keeps the hold past its end, and confirms later', async () => {
    const impatient = await service.serve({
      paymentWaitMs: 300,
      holdRules: { holdTtlSeconds: 1, maxHoldsPerUser: 4 },
    });
    const { fan, reservationId } = await holdSeat(impatient);
    let answerNow: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answerNow = resolve));
    answers.set(fan, async (request) => {
      await answered;
      return { pay: true, balance: 500_000 - request.amount };
    });
    const key = randomUUID();

    const pending = await impatient.pay(fan, reservationId, key);

    expect(pending.status).toBe(202);
    expect(pending.body).toEqual({ reservationId, status: 'PENDING' });
    expect((await impatient.pay(fan, reservationId, randomUUID())).body.type).toBe(
      problem('payment-in-progress'),
    );
    // The hold's expiry job comes due while the payment is in flight, and leaves it be.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await reservationOf(fan, reservationId)).toBe('HELD');
    answerNow();
    expect(
      await eventually(
        () => reservationOf(fan, reservationId),
        (s) => s === 'CONFIRMED',
      ),
    ).toBe('CONFIRMED');
    const replay = await impatient.pay(fan, reservationId, key);
    expect(replay.status).toBe(200);
    expect(replay.body.balance).toBe(430_000);
  });
});
