import type { Consumer } from 'kafkajs';
import type { ConsumedTopic } from './process-message';

/** What a started consumer reads: its group and topics, each with its DLQ. */
export interface ConsumerSubscription {
  groupId: string;
  topics: readonly ConsumedTopic[];
}

const subscriptions = new WeakMap<Consumer, ConsumerSubscription>();

/** Remembers what startEventConsumer subscribed the consumer to, for its lag watch. */
export function recordSubscription(consumer: Consumer, subscription: ConsumerSubscription): void {
  subscriptions.set(consumer, subscription);
}

export function subscriptionOf(consumer: Consumer): ConsumerSubscription | undefined {
  return subscriptions.get(consumer);
}
