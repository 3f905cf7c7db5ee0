import { randomUUID } from 'node:crypto';
import { topicNames, topicsToCreate, type TopicNames } from '@headliner/contracts';
import { Kafka, logLevel, type KafkaMessage, type SASLOptions } from 'kafkajs';
import { eventually } from './eventually';
import { infraUrl } from './infra-env';

export function testBrokers(): string[] {
  return infraUrl('KAFKA_BROKERS').split(',');
}

/**
 * The broker's super user (KAFKA_ADMIN_USERNAME/PASSWORD of .local/infra.env): tests create,
 * read and write any topic. None when the broker takes clients without SASL.
 */
export function testKafkaCredentials(): { username: string; password: string } | undefined {
  const username = process.env.KAFKA_ADMIN_USERNAME;
  const password = process.env.KAFKA_ADMIN_PASSWORD;
  return username && password ? { username, password } : undefined;
}

export function testKafkaSasl(): SASLOptions | undefined {
  const credentials = testKafkaCredentials();
  return credentials && { mechanism: 'scram-sha-512', ...credentials };
}

/** The super user as a service or the DLQ tool reads its login (KAFKA_SASL_*), for a child process. */
export function testKafkaLoginEnv(): Record<string, string> {
  const credentials = testKafkaCredentials();
  return credentials
    ? { KAFKA_SASL_USERNAME: credentials.username, KAFKA_SASL_PASSWORD: credentials.password }
    : {};
}

/** A client logged in as `sasl` (the super user by default; `null`: no SASL at all). */
export function testKafka(sasl: SASLOptions | null = testKafkaSasl() ?? null): Kafka {
  return new Kafka({
    clientId: `test-${randomUUID()}`,
    brokers: testBrokers(),
    sasl: sasl ?? undefined,
    logLevel: logLevel.NOTHING,
  });
}

/** Random topics (each with its .dlq twin), created now; remove() deletes them. */
export async function createTestTopics(kafka: Kafka, count = 1) {
  const topics = Array.from({ length: count }, () => `test.${randomUUID()}`);
  const remove = await createTopicsNow(
    kafka,
    topics.flatMap((topic) => [topic, `${topic}.dlq`]),
  );
  return { topics, remove };
}

/**
 * A random KAFKA_NAMESPACE with every topic of the registry and its DLQ created under it, for a
 * test that runs services as main.ts does, whose topics come from the registry; remove()
 * deletes them.
 */
export async function createTestNamespace(kafka: Kafka) {
  const namespace = `test-${randomUUID().slice(0, 8)}.`;
  const remove = await createTopicsNow(
    kafka,
    topicsToCreate(namespace).map(({ name }) => name),
  );
  const topics: TopicNames = topicNames(namespace);
  return { namespace, topics, remove };
}

async function createTopicsNow(kafka: Kafka, all: string[]): Promise<() => Promise<void>> {
  const admin = kafka.admin();
  await admin.connect();
  // kafkajs's own wait for leaders gives up on a KRaft broker's passing "does not host this
  // topic-partition" (tulios/kafkajs#1563), as ensureTopics in the platform explains.
  await admin.createTopics({
    topics: all.map((topic) => ({ topic, numPartitions: 1 })),
    waitForLeaders: false,
  });
  const led = (metadata?: { topics: { partitions: { leader: number }[] }[] }) =>
    metadata?.topics.every((topic) => topic.partitions.every((p) => p.leader >= 0)) === true;
  const metadata = await eventually(
    () => admin.fetchTopicMetadata({ topics: all }).catch(() => undefined),
    led,
    30_000,
  );
  if (!led(metadata)) throw new Error(`test topics still without leaders: ${all.join(', ')}`);
  return async () => {
    await admin.deleteTopics({ topics: all });
    await admin.disconnect();
  };
}

/** One random topic and its DLQ, created now; remove() deletes both. */
export async function createTestTopic(kafka: Kafka) {
  const { topics, remove } = await createTestTopics(kafka, 1);
  const topic = topics[0]!;
  return { topic, dlq: `${topic}.dlq`, remove };
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
