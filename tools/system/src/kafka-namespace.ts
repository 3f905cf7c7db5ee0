import { randomUUID } from 'node:crypto';
import { grantSystemAcls, revokeSystemAcls } from '@headliner/platform';
import { testBrokers, testKafka, testKafkaSasl } from '@headliner/testing';
import { Kafka, logLevel, type Admin } from 'kafkajs';

async function asAdmin<T>(work: (admin: Admin) => Promise<T>, kafka = testKafka()): Promise<T> {
  const admin = kafka.admin();
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
  const grantNow = () => asAdmin((admin) => grantSystemAcls(admin, namespace), impatientKafka());
  let removed = false;
  let granting: Promise<void> | undefined;
  // A system may start while Kafka is down (its services connect once it is back): the ACLs are
  // then granted in the background as soon as the broker answers.
  const keepGranting = async () => {
    while (!removed) {
      if (
        await grantNow().then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  };
  return {
    namespace,
    grant: async () => {
      if (!brokerHasAcls()) return;
      await grantNow().catch(() => {
        granting = keepGranting();
      });
    },
    remove: async () => {
      removed = true;
      await granting;
      await asAdmin(async (admin) => {
        const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(namespace));
        if (topics.length > 0) await admin.deleteTopics({ topics });
        if (brokerHasAcls()) await revokeSystemAcls(admin, namespace);
      });
    },
  };
}

/** The admin client for a grant that may meet a stopped broker: it gives up within seconds. */
function impatientKafka(): Kafka {
  return new Kafka({
    clientId: 'acl-grant',
    brokers: testBrokers(),
    sasl: testKafkaSasl(),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 1 },
  });
}

/** The un-namespaced ACLs of `npm start`'s services (granting them again changes nothing). */
export async function grantLocalSystemAcls(): Promise<void> {
  if (brokerHasAcls()) await asAdmin((admin) => grantSystemAcls(admin));
}
