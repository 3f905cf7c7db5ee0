import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { Shutdown } from '../lifecycle/shutdown';
import type { TopicToCreate } from './ensure-topics';
import { createKafka, createProducer } from './kafka-client';
import { connectKafkaInBackground, type KafkaLink } from './kafka-in-background';
import { startOutboxRelay, type OutboxRelay } from './outbox-relay';
import type { SqlClient, TransactionalSqlClient } from './sql-client';

/** What the consumer starts with: the producer, and the relay when the service has an outbox. */
export interface KafkaParts {
  kafka: Kafka;
  producer: Producer;
  /** The service's consumer group: its clientId behind the namespace. */
  groupId: string;
}

export interface StartKafkaOptions<Parts = KafkaParts> {
  clientId: string;
  brokers: string[];
  /** KAFKA_NAMESPACE: '' in production; keeps a test system's consumer groups apart. */
  namespace: string;
  /** The contracts' topics of the service's namespace, created when missing. */
  topics: TopicToCreate[];
  logger: Logger;
  shutdown: Shutdown;
  /** Starts the service's consumer once the topics exist and the producer is connected. */
  startConsumer?(parts: Parts): Promise<Consumer>;
}

export interface KafkaStarted {
  /** For readiness as what the service answers without. */
  checks: KafkaLink['checks'];
}

/**
 * The service's Kafka client and producer, its outbox relay when it has an outbox, and its link
 * to the broker started in the background (see connectKafkaInBackground), each closed at
 * shutdown: the consumer first, then the relay, then the producer.
 */
export function startKafka<Tx extends SqlClient>(
  options: StartKafkaOptions<KafkaParts & { relay: OutboxRelay }> & {
    outbox: TransactionalSqlClient<Tx>;
  },
): KafkaStarted & { relay: OutboxRelay };
export function startKafka(options: StartKafkaOptions): KafkaStarted;
export function startKafka<Tx extends SqlClient>(
  options: StartKafkaOptions<KafkaParts & { relay?: OutboxRelay }> & {
    outbox?: TransactionalSqlClient<Tx>;
  },
): KafkaStarted & { relay?: OutboxRelay } {
  const { clientId, namespace, logger, shutdown, startConsumer } = options;
  const kafka = createKafka({ clientId, brokers: options.brokers, logger });
  const producer = createProducer(kafka);
  shutdown.onClose('kafka producer', () => producer.disconnect());
  // Until the producer connects, the relay's passes fail and the outbox keeps the events.
  const relay = options.outbox && startOutboxRelay({ db: options.outbox, producer, logger });
  if (relay) shutdown.onClose('outbox relay', () => relay.stop());
  const link = connectKafkaInBackground({
    kafka,
    topics: options.topics,
    producer,
    logger,
    startConsumer:
      startConsumer &&
      (() => startConsumer({ kafka, producer, relay, groupId: namespace + clientId })),
  });
  shutdown.onClose('kafka', () => link.stop());
  return { relay, checks: link.checks };
}
