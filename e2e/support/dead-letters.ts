import { testKafka } from '@headliner/testing';

/** How many messages each DLQ of a Kafka namespace holds (only those that hold any). */
export async function deadLetterCounts(namespace: string): Promise<Record<string, number>> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const dlqs = (await admin.listTopics()).filter(
      (topic) => topic.startsWith(namespace) && topic.endsWith('.dlq'),
    );
    const counts: Record<string, number> = {};
    for (const topic of dlqs) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const held = offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
      if (held > 0) counts[topic] = held;
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}
