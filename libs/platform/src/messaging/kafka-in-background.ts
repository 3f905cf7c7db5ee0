import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { startInBackground } from '../lifecycle/start-in-background';
import { watchConsumerLag } from './consumer-lag';
import { checkConsumersFlowing } from './consumer-stalls';
import { subscriptionOf } from './consumer-subscriptions';
import { ensureTopics, type TopicToCreate } from './ensure-topics';

export interface KafkaInBackgroundOptions {
  kafka: Kafka;
  topics: TopicToCreate[];
  producer: Producer;
  logger: Logger;
  /** Starts the service's consumer, once the topics exist and the producer is connected. */
  startConsumer?: () => Promise<Consumer>;
  /** How often the consumer's lag and DLQ depths are read (default 10 s). */
  lagIntervalMs?: number;
}

export interface KafkaLink {
  /**
   * For readiness as what the service answers without (degraded): `kafka` throws while the link
   * is still starting or the broker does not answer, `consumers` while a consumer is stalled.
   */
  readonly checks: { kafka: () => Promise<void>; consumers: () => void };
  /** Stops starting, the lag watch and the consumer if it started, then the admin client. */
  stop(): Promise<void>;
}

/**
 * Ensures the topics, connects the producer and starts the consumer without holding up the
 * service, which listens meanwhile: charges, holds, reads and queue tokens need no broker, and
 * the outbox keeps the events until the producer can send them.
 */
export function connectKafkaInBackground(options: KafkaInBackgroundOptions): KafkaLink {
  const { kafka, producer } = options;
  const admin = kafka.admin();
  let consumer: Consumer | undefined;
  let lagWatch: { stop(): void } | undefined;
  const startup = startInBackground({
    name: 'kafka',
    logger: options.logger,
    start: async () => {
      await ensureTopics(kafka, options.topics);
      await producer.connect();
      await admin.connect();
      consumer = await options.startConsumer?.();
      const subscription = consumer && subscriptionOf(consumer);
      if (subscription) {
        lagWatch = watchConsumerLag({
          ...subscription,
          admin,
          logger: options.logger,
          intervalMs: options.lagIntervalMs,
        });
      }
    },
  });
  return {
    checks: {
      kafka: async () => {
        startup.check();
        await admin.describeCluster();
      },
      consumers: checkConsumersFlowing,
    },
    stop: async () => {
      startup.stop();
      lagWatch?.stop();
      await consumer?.disconnect();
      await admin.disconnect();
    },
  };
}
