import type { Consumer, Kafka, Producer } from 'kafkajs';
import { register } from 'prom-client';
import { startEventConsumer, type MessageContext } from '../src/messaging/event-consumer';
import { quietLogger, ticketIssued, ticketIssuedEvent } from './fixtures/ticket-service';
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
      topics: [topic.topic],
      dlqTopicOf: (name) => `${name}.dlq`,
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
