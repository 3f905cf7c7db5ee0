import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';

export interface TopicMessage {
  partition: number;
  message: KafkaMessage;
}

/**
 * Every message of a topic up to its end as of the call. The reader's consumer group is its own,
 * commits nothing and is deleted afterwards, so no service's group or offsets are touched.
 */
export async function readToEnd(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  timeoutMs = 30_000,
): Promise<TopicMessage[]> {
  const lastOffsets = new Map(
    (await admin.fetchTopicOffsets(topic))
      .filter(({ high, low }) => BigInt(high) > BigInt(low))
      .map(({ partition, high }) => [partition, BigInt(high) - 1n]),
  );
  if (lastOffsets.size === 0) return [];

  const groupId = `dlq-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  const messages: TopicMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${topic} could not be read to its end in ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const last = lastOffsets.get(batch.partition);
            if (last === undefined) return;
            for (const message of batch.messages) {
              if (BigInt(message.offset) <= last)
                messages.push({ partition: batch.partition, message });
            }
            if (BigInt(batch.lastOffset()) >= last) lastOffsets.delete(batch.partition);
            if (lastOffsets.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    // Tidiness only: an empty group without offsets that outlives this is harmless and expires.
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return messages.sort(
    (a, b) =>
      a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)),
  );
}
