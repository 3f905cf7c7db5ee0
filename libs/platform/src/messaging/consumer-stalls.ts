import { Gauge } from 'prom-client';

export interface ConsumerStall {
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  /** When this message first failed transiently. */
  since: Date;
  attempts: number;
  lastError: string;
}

const retryingMessages = new Gauge({
  name: 'kafka_consumer_retrying_messages',
  help: 'Messages held back by a transient failure (a dependency away), retried until it passes; their partitions wait behind them',
  labelNames: ['consumer', 'topic'],
});

const stoppedConsumerGauge = new Gauge({
  name: 'kafka_consumer_stopped',
  help: 'Consumer groups of this process that kafkajs stopped for good after a crash it does not retry (1); they consume nothing until the process restarts',
  labelNames: ['consumer'],
});

// Per process, like prom-client's registry: readiness and metrics read it without being handed it.
const stalls = new Map<string, ConsumerStall>();
const stoppedConsumers = new Map<string, string>();
const keyOf = (stall: Pick<ConsumerStall, 'consumer' | 'topic' | 'partition' | 'offset'>) =>
  `${stall.consumer}\u0000${stall.topic}\u0000${stall.partition}\u0000${stall.offset}`;

/** Records that a message is waiting for a transient failure to pass (or updates its attempt). */
export function recordStall(stall: ConsumerStall): void {
  const key = keyOf(stall);
  if (!stalls.has(key)) retryingMessages.inc({ consumer: stall.consumer, topic: stall.topic });
  stalls.set(key, stall);
}

/** The message was settled (applied, duplicate or parked) or handed back to Kafka. */
export function clearStall(
  stall: Pick<ConsumerStall, 'consumer' | 'topic' | 'partition' | 'offset'>,
): void {
  if (stalls.delete(keyOf(stall))) {
    retryingMessages.dec({ consumer: stall.consumer, topic: stall.topic });
  }
}

/** The messages of this process's consumers that are waiting for a dependency, oldest first. */
export function consumerStalls(): ConsumerStall[] {
  return [...stalls.values()].sort((a, b) => a.since.getTime() - b.since.getTime());
}

/** kafkajs stopped this consumer for good (a crash it does not retry). */
export function recordStoppedConsumer(consumer: string, error: unknown): void {
  stoppedConsumers.set(consumer, String(error));
  stoppedConsumerGauge.set({ consumer }, 1);
}

/**
 * A readiness check (reported, not failing: the service still answers requests): throws while a
 * consumer is stopped or a message waits for a dependency, saying which and since when.
 */
export function checkConsumersFlowing(): void {
  const [stopped] = stoppedConsumers;
  if (stopped) throw new Error(`consumer ${stopped[0]} stopped: ${stopped[1]}`);
  const waiting = consumerStalls();
  const oldest = waiting[0];
  if (!oldest) return;
  const seconds = Math.round((Date.now() - oldest.since.getTime()) / 1000);
  throw new Error(
    `${waiting.length} message(s) waiting for a dependency; the oldest, ${oldest.topic}` +
      ` partition ${oldest.partition} offset ${oldest.offset}, for ${seconds} s: ${oldest.lastError}`,
  );
}
