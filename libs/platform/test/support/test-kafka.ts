import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';

export function brokers(): string[] {
  const value = process.env.KAFKA_BROKERS;
  if (!value) throw new Error('KAFKA_BROKERS is not set: run `npm run infra -- up` first');
  return value.split(',');
}

export function testKafka(): Kafka {
  return new Kafka({
    clientId: `test-${randomUUID()}`,
    brokers: brokers(),
    logLevel: logLevel.NOTHING,
  });
}

/** A random topic and its DLQ, created now; remove() deletes both. */
export async function createTestTopic(kafka: Kafka) {
  const topic = `test.${randomUUID()}`;
  const dlq = `${topic}.dlq`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [topic, dlq].map((name) => ({ topic: name, numPartitions: 1 })),
    waitForLeaders: true,
  });
  return {
    topic,
    dlq,
    remove: async () => {
      await admin.deleteTopics({ topics: [topic, dlq] });
      await admin.disconnect();
    },
  };
}

/** Reads messages from the start of a topic until `count` arrived or the timeout passed. */
export async function readMessages(kafka: Kafka, topic: string, count: number, timeoutMs = 20_000) {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        messages.push(message);
        if (messages.length >= count) resolve();
      },
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([done, timeout]);
  // Left pending, the timer would keep the test file's process alive until it fired.
  clearTimeout(timer);
  await consumer.disconnect();
  return messages;
}
