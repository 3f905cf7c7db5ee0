import type { Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { startInBackground } from '../lifecycle/start-in-background';
import { ensureTopics, type TopicToCreate } from './ensure-topics';

export interface KafkaInBackgroundOptions {
  kafka: Kafka;
  topics: TopicToCreate[];
  producer: Producer;
  logger: Logger;
  /** Starts the service's consumers, once the topics exist and the producer is connected. */
  startConsumers?: () => Promise<void>;
}

export interface KafkaLink {
  /** A readiness check: throws while the link is still starting or the broker does not answer. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Ensures the topics, connects the producer and starts the consumers without holding up the
 * service, which listens meanwhile: charges, holds, reads and queue tokens need no broker, and
 * the outbox keeps the events until the producer can send them.
 */
export function connectKafkaInBackground(options: KafkaInBackgroundOptions): KafkaLink {
  const { kafka, producer } = options;
  const admin = kafka.admin();
  const startup = startInBackground({
    name: 'kafka',
    logger: options.logger,
    start: async () => {
      await ensureTopics(kafka, options.topics);
      await producer.connect();
      await admin.connect();
      await options.startConsumers?.();
    },
  });
  return {
    check: async () => {
      startup.check();
      await admin.describeCluster();
    },
    stop: async () => {
      startup.stop();
      await admin.disconnect();
    },
  };
}
