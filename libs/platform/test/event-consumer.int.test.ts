import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { register } from 'prom-client';
import { startEventConsumer, type MessageContext } from '../src/messaging/event-consumer';
import { quietLogger, ticketIssued, ticketIssuedEvent } from './support/ticket-service';
import { createTestTopic, readMessages, testKafka, eventually } from '@headliner/testing';

async function consumedCount(topic: string, outcome: string): Promise<number> {
  const metric = await register.getSingleMetric('kafka_events_consumed_total')?.get();
  const value = metric?.values.find(
    (v) => v.labels.topic === topic && v.labels.outcome === outcome,
  );
  return value?.value ?? 0;
}

// A consumer without a database (like the queue's, on Redis) keeps its own record of applied
// event ids; here a Set stands in for it.
describe('when a consumer records applied events itself', () => {
  let kafka: Kafka;
  let producer: Producer;
  let topic: Awaited<ReturnType<typeof createTestTopic>>;
  let consumer: Consumer;
  const applied = new Map<string, MessageContext>();

  beforeAll(async () => {
    kafka = testKafka();
    producer = kafka.producer();
    await producer.connect();
    topic = await createTestTopic(kafka);
    consumer = await startEventConsumer({
      kafka,
      groupId: `group-${topic.topic}`,
      topics: [{ name: topic.topic, dlq: topic.dlq }],
      producer,
      logger: quietLogger,
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
      parse: (value) => ticketIssued.parse(value),
      apply: async (event, message) => {
        if (event.payload.holder === 'poison') throw new Error('cannot deliver to poison');
        if (applied.has(event.eventId)) return 'duplicate';
        applied.set(event.eventId, message);
        return 'applied';
      },
    });
  });

  afterAll(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    await topic.remove();
  });

  it('applies an event once, counts the redelivery as a duplicate, and says where it came from', async () => {
    const event = ticketIssuedEvent('00000000-0000-4000-8000-000000000005', 'twice');
    const message = { key: 'ticket-5', value: JSON.stringify(event) };
    await producer.send({ topic: topic.topic, messages: [message, message] });

    expect(
      await eventually(
        () => consumedCount(topic.topic, 'duplicate'),
        (n) => n === 1,
      ),
    ).toBe(1);
    expect(await consumedCount(topic.topic, 'applied')).toBe(1);
    expect(applied.get(event.eventId)).toEqual({ topic: topic.topic, key: 'ticket-5' });
  });

  it('dead-letters an event whose apply keeps failing, after its last attempt', async () => {
    const event = ticketIssuedEvent('00000000-0000-4000-8000-000000000006', 'poison');
    await producer.send({
      topic: topic.topic,
      messages: [{ key: 'k', value: JSON.stringify(event) }],
    });

    const [dead] = await readMessages(kafka, topic.dlq, 1);
    expect(dead?.headers?.['dlq-attempts']?.toString()).toBe('2');
    expect(dead?.headers?.['dlq-error-message']?.toString()).toBe('cannot deliver to poison');
    expect(
      await eventually(
        () => consumedCount(topic.topic, 'dead_lettered'),
        (n) => n === 1,
      ),
    ).toBe(1);
    expect(await consumedCount(topic.topic, 'retried')).toBe(1);
  });
});

describe('when one partition carries the events of many keys', () => {
  let kafka: Kafka;
  let producer: Producer;
  let topic: Awaited<ReturnType<typeof createTestTopic>>;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    kafka = testKafka();
    producer = kafka.producer();
    await producer.connect();
    topic = await createTestTopic(kafka);
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer.disconnect();
    await topic.remove();
  });

  it("applies other keys' events while one key's event waits, and each key's in order", async () => {
    const events = [
      ['seat-a', 'first-of-a'],
      ['seat-a', 'second-of-a'],
      ['seat-b', 'only-of-b'],
    ].map(([key, holder]) => ({ key, event: ticketIssuedEvent(randomUUID(), holder!) }));
    // Sent before the consumer starts, in one request, so that one batch brings all three.
    await producer.send({
      topic: topic.topic,
      messages: events.map(({ key, event }) => ({ key, value: JSON.stringify(event) })),
    });
    let letFirstFinish!: () => void;
    const firstMayFinish = new Promise<void>((resolve) => (letFirstFinish = resolve));
    const applied: string[] = [];
    consumer = await startEventConsumer({
      kafka,
      groupId: `group-${topic.topic}`,
      topics: [{ name: topic.topic, dlq: topic.dlq }],
      producer,
      logger: quietLogger,
      parse: (value) => ticketIssued.parse(value),
      apply: async (event) => {
        if (event.payload.holder === 'first-of-a') await firstMayFinish;
        applied.push(event.payload.holder);
        return 'applied';
      },
    });

    await eventually(
      () => Promise.resolve([...applied]),
      (done) => done.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(applied).toEqual(['only-of-b']);
    letFirstFinish();
    await eventually(
      () => Promise.resolve([...applied]),
      (done) => done.length === 3,
    );
    expect(applied).toEqual(['only-of-b', 'first-of-a', 'second-of-a']);
  });
});
