import { ConfigResourceTypes, type Admin, type ITopicConfig, type Kafka } from 'kafkajs';

export interface TopicToCreate {
  name: string;
  partitions: number;
  /** Topic-level settings, e.g. `retention.ms`; applied to an existing topic too. */
  config?: Record<string, string>;
}

/**
 * Creates the topics that do not exist yet, brings existing ones' declared settings up to date
 * (partitions are left as they are) and returns once
 * every partition of every topic has a leader. kafkajs's own wait (`waitForLeaders`) gives up on
 * the first "does not host this topic-partition", which a KRaft broker answers for a moment
 * after creating a topic (tulios/kafkajs#1563): a service starting beside others on a busy
 * machine then failed to start.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: TopicToCreate[],
  timeoutMs = 30_000,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = topics
      .filter((topic) => !existing.has(topic.name))
      .map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        configEntries: entriesOf(topic.config),
      }));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: false });
    const configured = topics.filter((topic) => existing.has(topic.name) && topic.config);
    if (configured.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: configured.map((topic) => ({
          type: ConfigResourceTypes.TOPIC,
          name: topic.name,
          configEntries: entriesOf(topic.config),
        })),
      });
    }
    await waitForLeaders(
      admin,
      topics.map((topic) => topic.name),
      Date.now() + timeoutMs,
    );
  } finally {
    await admin.disconnect();
  }
}

function entriesOf(config: Record<string, string> = {}) {
  return Object.entries(config).map(([name, value]) => ({ name, value }));
}

async function waitForLeaders(admin: Admin, topics: string[], deadline: number): Promise<void> {
  while (!(await allLed(admin, topics))) {
    if (Date.now() > deadline)
      throw new Error(`topics still without leaders: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function allLed(admin: Admin, topics: string[]): Promise<boolean> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics });
    return metadata.topics.every(
      (topic) =>
        topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
    );
  } catch (error) {
    if ((error as { retriable?: boolean }).retriable === true) return false;
    throw error;
  }
}
