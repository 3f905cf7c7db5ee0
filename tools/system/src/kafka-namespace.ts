import { randomUUID } from 'node:crypto';
import { testKafka } from '@headliner/testing';

/**
 * Each test system gets its own Kafka namespace (topics e2e-<id>.headliner.…, consumer groups
 * e2e-<id>.<service>), so it never sees events of an earlier run, another test system or a
 * developer's `npm start`. remove() deletes the namespace's topics once the system stopped.
 */
export function createKafkaNamespace() {
  const namespace = `e2e-${randomUUID().slice(0, 8)}.`;
  return {
    namespace,
    remove: async () => {
      const admin = testKafka().admin();
      await admin.connect();
      try {
        const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(namespace));
        if (topics.length > 0) await admin.deleteTopics({ topics });
      } finally {
        await admin.disconnect();
      }
    },
  };
}
