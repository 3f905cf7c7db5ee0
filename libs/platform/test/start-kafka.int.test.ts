import { randomUUID } from 'node:crypto';
import {
  createTestTopic,
  eventually,
  readMessages,
  testBrokers,
  testKafka,
  testKafkaCredentials,
} from '@headliner/testing';
import { createPgPool, sqlDatabase } from '../src/database';
import { createLogger, createShutdown } from '../src';
import { appendToOutbox } from '../src/messaging/outbox';
import { startKafka, type KafkaParts } from '../src/messaging/start-kafka';
import { createTestDatabase } from './support/test-database';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('when a service with an outbox starts Kafka', () => {
  it('relays the outbox, starts its consumer with its namespace, and closes both at shutdown', async () => {
    const db = await createTestDatabase();
    const pool = createPgPool(db.url, 4);
    const outbox = sqlDatabase(pool);
    const kafka = testKafka();
    const topic = await createTestTopic(kafka);
    const shutdown = createShutdown({ logger, timeoutMs: 20_000, signals: [] });
    const namespace = `test-${randomUUID()}.`;
    let startedWith: KafkaParts | undefined;
    try {
      const started = startKafka({
        clientId: 'box-office',
        brokers: testBrokers(),
        credentials: testKafkaCredentials(),
        namespace,
        topics: [{ name: topic.topic, partitions: 1 }],
        outbox,
        logger,
        shutdown,
        startConsumer: async (parts) => {
          startedWith = parts;
          const consumer = parts.kafka.consumer({ groupId: `${parts.kafkaNamespace}box-office` });
          await consumer.connect();
          return consumer;
        },
      });
      const up = () =>
        started.checks.kafka().then(
          () => true,
          () => false,
        );
      expect(await eventually(up, (ready) => ready, 30_000)).toBe(true);
      expect(startedWith?.kafkaNamespace).toBe(namespace);

      const eventId = randomUUID();
      await outbox.$transaction((tx) =>
        appendToOutbox(tx, { eventId, topic: topic.topic, key: 'seat-1', value: { eventId } }),
      );
      const [message] = await readMessages(kafka, topic.topic, 1);
      expect(JSON.parse(String(message?.value))).toEqual({ eventId });
    } finally {
      expect(await shutdown.run('test')).toBe(0);
      await topic.remove();
      await pool.end();
      await db.drop();
    }
  });
});
