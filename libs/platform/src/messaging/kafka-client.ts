import { Kafka, logLevel, type ITopicConfig, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

export function createKafka(options: {
  clientId: string;
  brokers: string[];
  logger: Logger;
}): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        if (level <= logLevel.ERROR) log.error(rest, message);
        else log.warn(rest, message);
      },
  });
}

/** Idempotent producer: broker-side dedup of retried sends, acks from all in-sync replicas. */
export function createProducer(kafka: Kafka) {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
}

export interface TopicToCreate {
  name: string;
  partitions: number;
}

/** Creates the topics that do not exist yet; existing ones are left as they are. */
export async function ensureTopics(kafka: Kafka, topics: TopicToCreate[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = topics
      .filter((topic) => !existing.has(topic.name))
      .map((topic) => ({ topic: topic.name, numPartitions: topic.partitions }));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
