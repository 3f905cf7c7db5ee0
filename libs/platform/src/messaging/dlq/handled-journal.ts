import type { Admin, Kafka, Producer } from 'kafkajs';
import { ensureTopics } from '../ensure-topics';
import { entryPositionLabel } from './dlq-entry';
import type { HandledRecord } from './handled-record';
import { readToEnd } from './read-to-end';

/**
 * Kafka cannot delete one message, so what operators did with a DLQ's entries is kept beside it
 * in a compacted topic keyed by the entry's partition:offset: the last action per entry stays
 * for as long as the DLQ, and any number of operators can read and append to it at once.
 */
export function handledJournalOf(dlqTopic: string): string {
  return `${dlqTopic}.handled`;
}

/** The last action recorded for each entry of a DLQ, by `partition:offset`. */
export async function readHandled(
  kafka: Kafka,
  admin: Admin,
  dlqTopic: string,
): Promise<Map<string, HandledRecord>> {
  const journal = handledJournalOf(dlqTopic);
  const handled = new Map<string, HandledRecord>();
  if (!(await admin.listTopics()).includes(journal)) return handled;
  for (const { message } of await readToEnd(kafka, admin, journal)) {
    if (message.key === null || message.value === null) continue;
    handled.set(message.key.toString(), JSON.parse(message.value.toString()) as HandledRecord);
  }
  return handled;
}

export async function recordHandled(
  kafka: Kafka,
  admin: Admin,
  producer: Producer,
  record: HandledRecord,
): Promise<void> {
  const journal = handledJournalOf(record.dlqTopic);
  await ensureJournal(kafka, admin, journal);
  await producer.send({
    topic: journal,
    acks: -1,
    messages: [{ key: entryPositionLabel(record), value: JSON.stringify(record) }],
  });
}

async function ensureJournal(kafka: Kafka, admin: Admin, journal: string): Promise<void> {
  if ((await admin.listTopics()).includes(journal)) return;
  // Two operators creating it at once is fine: createTopics answers false for an existing one.
  await admin.createTopics({
    topics: [
      {
        topic: journal,
        numPartitions: 1,
        configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
      },
    ],
    waitForLeaders: false,
  });
  await ensureTopics(kafka, [{ name: journal, partitions: 1 }]);
}
