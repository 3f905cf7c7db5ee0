import { randomUUID } from 'node:crypto';
import { grantSystemAcls, revokeSystemAcls } from '@headliner/platform';
import { testKafka } from '@headliner/testing';
import type { Admin } from 'kafkajs';

async function asAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Whether the broker checks ACLs: the local one does, and .local/infra.env names its admin. */
export function brokerHasAcls(): boolean {
  return Boolean(process.env.KAFKA_ADMIN_USERNAME);
}

/**
 * Each test system gets its own Kafka namespace (topics e2e-<id>.headliner.…, consumer groups
 * e2e-<id>.<service>), so it never sees events of an earlier run, another test system or a
 * developer's `npm start`. grant() gives the services' principals their ACLs on the namespace's
 * names (before they start); remove() deletes its topics and ACLs once the system stopped.
 */
export function createKafkaNamespace() {
  const namespace = `e2e-${randomUUID().slice(0, 8)}.`;
  return {
    namespace,
    grant: async () => {
      if (brokerHasAcls()) await asAdmin((admin) => grantSystemAcls(admin, namespace));
    },
    remove: () =>
      asAdmin(async (admin) => {
        const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(namespace));
        if (topics.length > 0) await admin.deleteTopics({ topics });
        if (brokerHasAcls()) await revokeSystemAcls(admin, namespace);
      }),
  };
}

/** The un-namespaced ACLs of `npm start`'s services (granting them again changes nothing). */
export async function grantLocalSystemAcls(): Promise<void> {
  if (brokerHasAcls()) await asAdmin((admin) => grantSystemAcls(admin));
}
