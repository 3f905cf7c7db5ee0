import { randomUUID } from 'node:crypto';
import { testKafka } from '@headliner/testing';
import { ConfigResourceTypes } from 'kafkajs';
import { ensureTopics } from '../src/messaging/ensure-topics';

describe('ensureTopics', () => {
  const kafka = testKafka();
  const admin = kafka.admin();
  const topics: { name: string; partitions: number; config?: Record<string, string> }[] = [
    { name: `test.${randomUUID()}`, partitions: 3 },
    { name: `test.${randomUUID()}`, partitions: 1 },
  ];

  beforeAll(() => admin.connect());
  afterAll(async () => {
    await admin.deleteTopics({ topics: topics.map((topic) => topic.name) });
    await admin.disconnect();
  });

  async function leaders() {
    const metadata = await admin.fetchTopicMetadata({ topics: topics.map((topic) => topic.name) });
    return metadata.topics.map((topic) => ({
      name: topic.name,
      leaders: topic.partitions.map((partition) => partition.leader >= 0),
    }));
  }

  it('returns, for every service starting at once, only when every partition has a leader', async () => {
    const everyPartitionLed = topics.map((topic) => ({
      name: topic.name,
      leaders: Array<boolean>(topic.partitions).fill(true),
    }));
    const seen = await Promise.all(
      Array.from({ length: 4 }, () => ensureTopics(testKafka(), topics).then(leaders)),
    );
    for (const observed of seen) {
      expect(observed).toEqual(expect.arrayContaining(everyPartitionLed));
    }
  });

  async function retentionOf(topic: string) {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
    });
    return resources[0]?.configEntries[0]?.configValue;
  }

  it('keeps what a topic declares: on creation, and on an existing topic that lacked it', async () => {
    const kept = { 'retention.ms': '-1' };
    const created = { name: `test.${randomUUID()}`, partitions: 1, config: kept };
    topics.push(created);
    await ensureTopics(kafka, [created]);
    expect(await retentionOf(created.name)).toBe('-1');

    expect(await retentionOf(topics[1]!.name)).not.toBe('-1');
    await ensureTopics(kafka, [{ ...topics[1]!, config: kept }]);
    expect(await retentionOf(topics[1]!.name)).toBe('-1');
  });

  it("leaves an existing topic's partitions as they are", async () => {
    await ensureTopics(kafka, [{ name: topics[0]!.name, partitions: 6 }]);
    const metadata = await admin.fetchTopicMetadata({ topics: [topics[0]!.name] });
    expect(metadata.topics[0]!.partitions).toHaveLength(3);
  });
});
