import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { Shutdown } from '../lifecycle/shutdown';
import type { TopicToCreate } from './ensure-topics';
import { createKafka, createProducer, type KafkaCredentials, type KafkaTls } from './kafka-client';
import { connectKafkaInBackground, type KafkaLink } from './kafka-in-background';
import { startOutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import type { SqlClient } from './sql-client';

/** What the service's consumer starts with (see consume). */
export interface KafkaParts {
  kafka: Kafka;
  /** For dead letters. */
  producer: Producer;
  kafkaNamespace: string;
}

export interface StartKafkaOptions<Tx extends SqlClient> {
  clientId: string;
  brokers: string[];
  /** The service's principal (see kafkaCredentialsOf); none on a broker without SASL. */
  credentials?: KafkaCredentials;
  /** TLS to the brokers (see kafkaTlsOf); none: plaintext. */
  tls?: KafkaTls;
  /** KAFKA_NAMESPACE: '' in production; keeps a test system's topics and groups apart. */
  namespace: string;
  /** The contracts' topics of the service's namespace, created when missing. */
  topics: TopicToCreate[];
  /** The service's database when it has an outbox: its relay sends each commit's events. */
  outbox?: OutboxRelayOptions<Tx>['db'];
  logger: Logger;
  shutdown: Shutdown;
  /** Starts the service's consumer once the topics exist and the producer is connected. */
  startConsumer?(parts: KafkaParts): Promise<Consumer>;
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
export function startKafka<Tx extends SqlClient>(options: StartKafkaOptions<Tx>): KafkaStarted {
  const { clientId, namespace, logger, shutdown, startConsumer } = options;
  const kafka = createKafka({
    clientId,
    brokers: options.brokers,
    credentials: options.credentials,
    tls: options.tls,
    logger,
  });
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
      startConsumer && (() => startConsumer({ kafka, producer, kafkaNamespace: namespace })),
  });
  shutdown.onClose('kafka', () => link.stop());
  return { checks: link.checks };
}
