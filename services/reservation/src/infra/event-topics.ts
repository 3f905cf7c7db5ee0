import {
  partitionKeyOf,
  topicNames,
  type BookingEvent,
  type TopicNames,
} from '@headliner/contracts';
import { appendToOutbox, type SqlClient } from '@headliner/platform';

/**
 * The Kafka topic of each event this service produces or consumes: main passes the names under
 * KAFKA_NAMESPACE, tests random ones.
 */
export type EventTopics = TopicNames;

/** The registry's names, with no namespace. */
export const eventTopics: EventTopics = topicNames();

/** Queues the event for the relay, in the caller's transaction, keyed by its reservation. */
export function recordEvent(tx: SqlClient, topic: string, event: BookingEvent): Promise<void> {
  return appendToOutbox(tx, {
    eventId: event.eventId,
    topic,
    key: partitionKeyOf(event),
    value: event,
  });
}
