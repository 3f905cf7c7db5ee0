import type { Consumer, Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { register } from 'prom-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { createTestTopic, readMessages, testKafka, eventually } from '@headliner/testing';
import { checkConsumersFlowing, consumerStalls } from '../src/messaging/consumer-stalls';
import {
  startDeliveryConsumer,
  ticketIssuedEvent,
  type DeliveryConsumerOptions,
} from './support/ticket-service';

/** Fails as a database that is down fails: pg's own refusal from a port nobody listens on. */
async function databaseDown(): Promise<never> {
  await new Client({ host: '127.0.0.1', port: 1, user: 'x', database: 'x' }).connect();
  throw new Error('port 1 answered');
}

async function retryingMessages(topic: string): Promise<number> {
  const metric = await register.getSingleMetric('kafka_consumer_retrying_messages')?.get();
  return metric?.values.find((value) => value.labels.topic === topic)?.value ?? 0;
}

const fastRetry = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 };

describe('when a message cannot be applied', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let topic: Awaited<ReturnType<typeof createTestTopic>>;
  let consumer: Consumer | undefined;

  beforeEach(async () => {
    db = await createTestDatabase();
    kafka = testKafka();
    producer = kafka.producer();
    await producer.connect();
    topic = await createTestTopic(kafka);
  });

  /** The test topic's consumer, with `beforeDelivery` run before each delivery is written. */
  const startConsumer = (beforeDelivery?: DeliveryConsumerOptions['beforeDelivery']) =>
    startDeliveryConsumer({
      prisma: db.prisma,
      kafka,
      producer,
      topic: topic.topic,
      groupId: `group-${topic.topic}`,
      retry: fastRetry,
      beforeDelivery,
    });

  const sendTicket = async (ticketId: string, holder: string) => {
    const event = ticketIssuedEvent(ticketId, holder);
    await producer.send({
      topic: topic.topic,
      messages: [{ key: 'k', value: JSON.stringify(event) }],
    });
  };

  const expectDeliveredOnce = async () => {
    const deliveries = await eventually(
      () => db.prisma.delivery.count(),
      (n) => n === 1,
    );
    expect(deliveries).toBe(1);
  };

  afterEach(async () => {
    await consumer?.disconnect();
    await producer.disconnect();
    await topic.remove();
    await db.drop();
  });

  it('retries, then moves it to the DLQ with payload, headers, error and attempt count', async () => {
    const event = ticketIssuedEvent('00000000-0000-4000-8000-000000000003', 'poison');
    const value = JSON.stringify(event);
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await producer.send({
      topic: topic.topic,
      messages: [{ key: 'poison-key', value, headers: { traceparent, 'x-origin': 'test' } }],
    });
    let attempts = 0;
    consumer = await startConsumer(() => {
      attempts += 1;
      throw new Error('seat map is corrupt');
    });

    const [dead] = await readMessages(kafka, topic.dlq, 1);
    expect(attempts).toBe(3);
    expect(dead?.key?.toString()).toBe('poison-key');
    expect(dead?.value?.toString()).toBe(value);
    const headers = Object.fromEntries(
      Object.entries(dead?.headers ?? {}).map(([name, v]) => [name, v?.toString()]),
    );
    expect(headers).toMatchObject({
      traceparent,
      'x-origin': 'test',
      'dlq-error-message': 'seat map is corrupt',
      'dlq-attempts': '3',
      'dlq-source-topic': topic.topic,
      'dlq-source-offset': '0',
    });
    expect(await db.prisma.delivery.count()).toBe(0);
    expect(await db.prisma.inboxEvent.count()).toBe(0);
  });

  it('dead-letters an unreadable message at once, without retrying', async () => {
    await producer.send({
      topic: topic.topic,
      messages: [{ key: 'k', value: '{"not": "an event"' }],
    });
    consumer = await startConsumer();

    const [dead] = await readMessages(kafka, topic.dlq, 1);
    expect(dead?.headers?.['dlq-attempts']?.toString()).toBe('1');
    expect(dead?.headers?.['dlq-error-name']?.toString()).toBe('NonRetriableError');
  });

  it('applies a message whose unexpected failure passes within its attempts', async () => {
    await sendTicket('00000000-0000-4000-8000-000000000004', 'flaky');
    let attempts = 0;
    consumer = await startConsumer(() => {
      attempts += 1;
      if (attempts < 3) throw new Error('database hiccup');
    });

    await expectDeliveredOnce();
    expect(await readMessages(kafka, topic.dlq, 1, 1_000)).toHaveLength(0);
  });

  it('retries a dependency outage for as long as it lasts, shows the stall, then applies once', async () => {
    await sendTicket('00000000-0000-4000-8000-000000000007', 'outage');
    let attempts = 0;
    let down = true;
    consumer = await startConsumer(async () => {
      attempts += 1;
      if (down) await databaseDown();
    });

    await eventually(
      async () => attempts,
      (n) => n >= fastRetry.maxAttempts * 3,
    );
    const stall = consumerStalls().find((s) => s.topic === topic.topic);
    expect(stall).toMatchObject({ partition: 0, offset: '0' });
    expect(stall?.lastError).toMatch(/ECONNREFUSED/);
    expect(await retryingMessages(topic.topic)).toBe(1);
    expect(checkConsumersFlowing).toThrow(/waiting for a dependency.*ECONNREFUSED/);

    down = false;
    await expectDeliveredOnce();
    expect(consumerStalls().filter((s) => s.topic === topic.topic)).toEqual([]);
    expect(await retryingMessages(topic.topic)).toBe(0);
    expect(checkConsumersFlowing).not.toThrow();
    expect(await readMessages(kafka, topic.dlq, 1, 1_000)).toHaveLength(0);
  });

  it('hands a message held back by an outage to the next consumer when it stops', async () => {
    await sendTicket('00000000-0000-4000-8000-000000000008', 'handover');
    let attempts = 0;
    const stalled = await startConsumer(async () => {
      attempts += 1;
      await databaseDown();
    });
    await eventually(
      async () => attempts,
      (n) => n >= 2,
    );
    const stopping = Date.now();
    await stalled.disconnect();
    expect(Date.now() - stopping).toBeLessThan(5_000);

    consumer = await startConsumer();
    await expectDeliveredOnce();
    expect(await readMessages(kafka, topic.dlq, 1, 1_000)).toHaveLength(0);
  });
});
