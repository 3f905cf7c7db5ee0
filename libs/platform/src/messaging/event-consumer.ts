import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { recordStoppedConsumer } from './consumer-stalls';
import { recordSubscription } from './consumer-subscriptions';
import { createLimiter, lanesByKey } from './key-lanes';
import { messageProcessor, type ConsumedEvent, type MessageProcessing } from './process-message';

export type { ApplyOutcome, ConsumedEvent, ConsumedTopic, MessageContext } from './process-message';

export interface EventConsumerOptions<E extends ConsumedEvent> extends MessageProcessing<E> {
  kafka: Kafka;
  /** How soon a crashed member's partitions move to the others (kafkajs default: 30 s). */
  sessionTimeoutMs?: number;
  /** Partitions worked on side by side (default 3, a topic's partitions). */
  partitionsConsumedConcurrently?: number;
  /**
   * Messages applied at once, across partitions (default 8; keep it below the database pool).
   * Within a partition, messages of different keys are applied side by side and each key's in
   * order, so a burst of payments is not settled one transaction after another.
   */
  messagesInFlight?: number;
}

/**
 * Consumes events (see messageProcessor for spans, retries and the DLQ): one key's events in
 * order, other keys' side by side. Only order within a key is promised (one reservation's saga),
 * as only it survives the topic's partitioning anyway.
 */
export async function startEventConsumer<E extends ConsumedEvent>(
  options: EventConsumerOptions<E>,
): Promise<Consumer> {
  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 10_000,
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart) {
      options.logger.warn({ err: payload.error }, 'consumer crashed; kafkajs restarts it');
      return;
    }
    options.logger.error({ err: payload.error }, 'consumer crashed and stopped for good');
    recordStoppedConsumer(options.groupId, payload.error);
  });
  await consumer.connect();
  const topics = options.topics.map(({ name }) => name);
  await consumer.subscribe({ topics, fromBeginning: true });

  const processMessage = messageProcessor(options);
  const inFlight = createLimiter(options.messagesInFlight ?? 8);
  const processBatch = async ({ batch, resolveOffset, heartbeat, ...state }: EachBatchPayload) => {
    const { topic, partition } = batch;
    const processed = new Set<string>();
    const isRunning = () => state.isRunning() && !state.isStale();
    const lanes = await Promise.allSettled(
      lanesByKey(batch.messages).map(async (lane) => {
        for (const message of lane) {
          if (!isRunning()) return;
          const result = await inFlight(() =>
            processMessage({ topic, partition, message, heartbeat, isRunning }),
          );
          if (result === 'handed back') return;
          processed.add(message.offset);
          await heartbeat();
        }
      }),
    );
    // Commit only up to the first message not processed: it and all after it are redelivered,
    // and the consumer's record of applied events recognises those that were applied.
    for (const message of batch.messages) {
      if (!processed.has(message.offset)) break;
      resolveOffset(message.offset);
    }
    const failed = lanes.find((lane) => lane.status === 'rejected');
    if (failed) throw failed.reason;
  };

  // kafkajs commits the resolved offsets after every batch.
  await consumer.run({
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
    eachBatchAutoResolve: false,
    eachBatch: processBatch,
  });
  recordSubscription(consumer, { groupId: options.groupId, topics: options.topics });
  return consumer;
}
