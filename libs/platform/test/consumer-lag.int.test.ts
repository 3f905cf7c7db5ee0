import { randomUUID } from 'node:crypto';
import { createTestTopic, eventually, testKafka } from '@headliner/testing';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { register } from 'prom-client';
import { startEventConsumer } from '../src/messaging/event-consumer';
import { connectKafkaInBackground, type KafkaLink } from '../src/messaging/kafka-in-background';
import { quietLogger, ticketIssued, ticketIssuedEvent } from './support/ticket-service';

/** The series' sum, or undefined while the labels have none (the lag not read yet). */
async function gaugeSum(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = await register.getSingleMetric(name)?.get();
  const matching = (metric?.values ?? []).filter((value) =>
    Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted),
  );
  return matching.length === 0 ? undefined : matching.reduce((sum, { value }) => sum + value, 0);
}

// A service's consumer as main.ts starts it, through the Kafka link that reads its lag.
describe('when a service consumes a topic', () => {
  let kafka: Kafka;
  let producer: Producer;
  let topic: Awaited<ReturnType<typeof createTestTopic>>;
  let groupId: string;
  let consumer: Consumer | undefined;
  let link: KafkaLink;

  const startConsumer = async () => {
    consumer = await startEventConsumer({
      kafka,
      groupId,
      topics: [{ name: topic.topic, dlq: topic.dlq }],
      producer,
      logger: quietLogger,
      retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 20 },
      parse: (value) => ticketIssued.parse(value),
      apply: async (event) => {
        if (event.payload.holder === 'poison') throw new Error('cannot deliver to poison');
        return 'applied';
      },
    });
    return consumer;
  };
  const send = (count: number, holder = 'fan') =>
    producer.send({
      topic: topic.topic,
      messages: Array.from({ length: count }, () => ({
        value: JSON.stringify(ticketIssuedEvent(randomUUID(), holder)),
      })),
    });
  const lag = () => gaugeSum('kafka_consumer_group_lag', { group: groupId, topic: topic.topic });
  const dlqHeld = () => gaugeSum('kafka_dlq_messages', { topic: topic.dlq });

  beforeAll(async () => {
    kafka = testKafka();
    producer = kafka.producer();
    await producer.connect();
    topic = await createTestTopic(kafka);
    groupId = `group-${topic.topic}`;
    link = connectKafkaInBackground({
      kafka,
      topics: [],
      producer,
      logger: quietLogger,
      startConsumer,
      lagIntervalMs: 200,
    });
    await eventually(async () => consumer, Boolean);
  });

  afterAll(async () => {
    await link.stop();
    await consumer?.disconnect();
    await producer.disconnect();
    await topic.remove();
  });

  it('reports no lag once the consumer has caught up', async () => {
    await send(3);

    expect(await eventually(lag, (behind) => behind === 0)).toBe(0);
  });

  it('counts a dead-lettered message in its DLQ', async () => {
    const before = (await eventually(dlqHeld, (held) => held !== undefined)) ?? 0;
    await send(1, 'poison');

    expect(await eventually(dlqHeld, (held) => held === before + 1)).toBe(before + 1);
  });

  it('reports the messages behind while the consumer is stopped, and none after it catches up', async () => {
    await eventually(lag, (behind) => behind === 0);
    await consumer?.disconnect();
    consumer = undefined;
    await send(4);

    expect(await eventually(lag, (behind) => behind === 4)).toBe(4);

    await startConsumer();
    expect(await eventually(lag, (behind) => behind === 0, 30_000)).toBe(0);
  });
});
