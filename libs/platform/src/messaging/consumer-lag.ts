import type { Admin } from 'kafkajs';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { withinMs } from '../resilience/within-ms';
import type { ConsumerSubscription } from './consumer-subscriptions';

const groupLag = new Gauge({
  name: 'kafka_consumer_group_lag',
  help: "Messages a consumer group is behind: a partition's high watermark minus the group's committed offset",
  labelNames: ['group', 'topic', 'partition'],
});

const dlqMessages = new Gauge({
  name: 'kafka_dlq_messages',
  help: 'Messages held in a dead-letter topic: high minus low watermark, summed over partitions',
  labelNames: ['topic'],
});

export interface ConsumerLagWatch extends ConsumerSubscription {
  /** A connected admin client, which the caller disconnects after stop(). */
  admin: Admin;
  logger: Logger;
  /** How often the offsets are read (default 10 s); a pass gives up after as long. */
  intervalMs?: number;
}

/**
 * Reads the group's committed offsets and its topics' and DLQs' watermarks every few seconds
 * into kafka_consumer_group_lag and kafka_dlq_messages. A pass that fails or hangs is logged and
 * skipped, never thrown: the gauges keep their last values and the next pass tries again.
 */
export function watchConsumerLag(watch: ConsumerLagWatch): { stop(): void } {
  const intervalMs = watch.intervalMs ?? 10_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failures = 0;
  const pass = async () => {
    try {
      await withinMs(readLag(watch), intervalMs);
      failures = 0;
    } catch (error) {
      if (stopped) return; // the admin client is closing
      failures += 1;
      // An outage fails every pass: one line when it starts, then one every tenth pass.
      if (failures === 1 || failures % 10 === 0) {
        watch.logger.warn({ err: error, failures }, 'consumer lag not read; trying again');
      }
    }
    if (stopped) return;
    timer = setTimeout(() => void pass(), intervalMs);
    timer.unref();
  };
  void pass();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

async function readLag({ admin, groupId, topics }: ConsumerLagWatch): Promise<void> {
  const committed = await admin.fetchOffsets({ groupId, topics: topics.map(({ name }) => name) });
  const watermarks = await Promise.all(topics.map(({ name }) => admin.fetchTopicOffsets(name)));
  const dlqWatermarks = await Promise.all(topics.map(({ dlq }) => admin.fetchTopicOffsets(dlq)));
  topics.forEach(({ name }, index) => {
    const offsets = committed.find(({ topic }) => topic === name)?.partitions ?? [];
    for (const { partition, high, low } of watermarks[index] ?? []) {
      const offset = offsets.find((committedOne) => committedOne.partition === partition)?.offset;
      // No committed offset yet: the group starts from the beginning (fromBeginning).
      const from = offset === undefined || Number(offset) < 0 ? Number(low) : Number(offset);
      const labels = { group: groupId, topic: name, partition: String(partition) };
      groupLag.set(labels, Math.max(0, Number(high) - from));
    }
  });
  topics.forEach(({ dlq }, index) => {
    const held = (dlqWatermarks[index] ?? []).reduce(
      (sum, { high, low }) => sum + Number(high) - Number(low),
      0,
    );
    dlqMessages.set({ topic: dlq }, held);
  });
}
