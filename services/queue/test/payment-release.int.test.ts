import { randomUUID } from 'node:crypto';
import {
  newEvent,
  ReservationConfirmedEvent,
  type QueueTokenView,
  type ReservationConfirmedEvent as Confirmed,
} from '@headliner/contracts';
import { createProducer } from '@headliner/platform';
import { createTestNamespace, eventually, readMessages, testKafka } from '@headliner/testing';
import type { Consumer, Producer } from 'kafkajs';
import { startPaymentReleaseConsumer } from '../src/consumers/payment-release-consumer';
import { enterQueue, leaveQueue, newUsers, room, verifyToken } from './support/queue-requests';
import { quietLogger, startTestQueue, type TestQueue } from './support/test-queue';

function confirmedFor(userId: string, occurredAt = new Date(), scheduleId = room): Confirmed {
  return newEvent(
    ReservationConfirmedEvent,
    {
      reservationId: randomUUID(),
      scheduleId,
      seatId: randomUUID(),
      userId,
      paymentId: randomUUID(),
      amount: 50_000,
    },
    occurredAt,
  );
}

describe('when a buyer’s reservation is confirmed', () => {
  const kafka = testKafka();
  let created: Awaited<ReturnType<typeof createTestNamespace>>;
  let topic: string;
  let producer: Producer;
  let consumer: Consumer;
  let queue: TestQueue;

  const publish = (value: unknown) =>
    producer.send({ topic, messages: [{ key: randomUUID(), value: JSON.stringify(value) }] });
  const isActive = (userId: string, token: QueueTokenView) => async () =>
    (await verifyToken(queue.app, userId, token.queueToken)).status;
  const enter = async (userId: string): Promise<QueueTokenView> =>
    (await enterQueue(queue.app, userId)).body;

  beforeAll(async () => {
    created = await createTestNamespace(kafka);
    topic = created.topics.reservationConfirmed;
    producer = createProducer(kafka);
    await producer.connect();
    queue = await startTestQueue({ activeLimit: 2 });
    consumer = await startPaymentReleaseConsumer({
      kafka,
      producer,
      kafkaNamespace: created.namespace,
      group: `queue-${randomUUID()}`,
      waitingRoom: queue.waitingRoom,
      logger: quietLogger,
    });
  });
  afterAll(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    await queue.stop();
    await created.remove();
  });

  // The two tests tell one story on one queue: ACTIVE_LIMIT 2, users in arrival order.
  const [buyer, other, next, later, patient] = newUsers(5);

  it('frees their slot for the next in line, and a replay of the event does no harm', async () => {
    const paid = await enter(buyer!);
    const stays = await enter(other!);
    const waiting = await enter(next!);

    const confirmed = confirmedFor(buyer!);
    await publish(confirmed);
    expect(await eventually(isActive(next!, waiting), (status) => status === 200)).toBe(200);
    expect(await isActive(buyer!, paid)()).toBe(410);

    // The buyer comes back for another seat and is admitted again when a slot frees.
    const comeback = await enter(buyer!);
    expect(comeback.status).toBe('WAITING');
    await leaveQueue(queue.app, other!, stays.queueToken);
    expect(await isActive(buyer!, comeback)()).toBe(200);
    const behind = await enter(later!);

    // Same partition, so the replay is handled before the marker event that admits `later`.
    await publish(confirmed);
    await publish(confirmedFor(next!));
    expect(await eventually(isActive(later!, behind), (status) => status === 200)).toBe(200);
    expect(await isActive(buyer!, comeback)()).toBe(200);
    expect(await queue.activeCount()).toBe(2);
  });

  it('parks an unreadable message on the DLQ and goes on with the next one', async () => {
    const waiting = await enter(patient!);
    expect(waiting.status).toBe('WAITING');

    await producer.send({ topic, messages: [{ key: 'bad', value: '{"not":"an event"}' }] });
    await publish(confirmedFor(later!));

    expect(await eventually(isActive(patient!, waiting), (status) => status === 200)).toBe(200);
    const [letter] = await readMessages(kafka, `${topic}.dlq`, 1, 10_000);
    expect(letter?.headers?.['dlq-error-name']?.toString()).toBe('NonRetriableError');
    expect(letter?.value?.toString()).toBe('{"not":"an event"}');
  });
});

describe('when a confirmation arrives again or late, after the buyer started a new session', () => {
  let queue: TestQueue;
  beforeEach(async () => {
    queue = await startTestQueue({ activeLimit: 1 });
  });
  afterEach(() => queue.stop());

  it('recognises the event id even if the producer’s clock runs ahead', async () => {
    const [buyer] = newUsers(1);
    await enterQueue(queue.app, buyer!);
    const payment = { eventId: randomUUID(), userId: buyer!, scheduleId: room, paidAt: new Date() };
    expect(await queue.waitingRoom.releaseAfterPayment(payment)).toBe('freed');
    const comeback: QueueTokenView = (await enterQueue(queue.app, buyer!)).body;

    const replay = { ...payment, paidAt: new Date(Date.now() + 60_000) };
    expect(await queue.waitingRoom.releaseAfterPayment(replay)).toBe('duplicate');
    expect((await verifyToken(queue.app, buyer!, comeback.queueToken)).status).toBe(200);
  });

  it('frees only the slot in the paid schedule’s room', async () => {
    const [buyer] = newUsers(1);
    const otherRoom = randomUUID();
    const here: QueueTokenView = (await enterQueue(queue.app, buyer!)).body;
    const there: QueueTokenView = (await enterQueue(queue.app, buyer!, otherRoom)).body;
    expect([here.status, there.status]).toEqual(['ACTIVE', 'ACTIVE']);

    const payment = { eventId: randomUUID(), userId: buyer!, paidAt: new Date() };
    expect(await queue.waitingRoom.releaseAfterPayment({ ...payment, scheduleId: otherRoom })).toBe(
      'freed',
    );

    expect((await verifyToken(queue.app, buyer!, there.queueToken)).status).toBe(410);
    expect((await verifyToken(queue.app, buyer!, here.queueToken)).body).toMatchObject({
      status: 'ACTIVE',
      scheduleId: room,
    });
  });

  it('leaves the new active token alone', async () => {
    const [buyer] = newUsers(1);
    const paidAt = new Date(Date.now() - 60_000);
    const token: QueueTokenView = (await enterQueue(queue.app, buyer!)).body;

    const outcome = await queue.waitingRoom.releaseAfterPayment({
      eventId: randomUUID(),
      userId: buyer!,
      scheduleId: room,
      paidAt,
    });

    expect(outcome).toBe('no-active-token');
    expect((await verifyToken(queue.app, buyer!, token.queueToken)).status).toBe(200);
  });
});
