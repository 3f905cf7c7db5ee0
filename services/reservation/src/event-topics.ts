import { partitionKeyOf, topics, type BookingEvent } from '@headliner/contracts';
import { appendToOutbox, type SqlClient } from '@headliner/platform';

/** The Kafka topic of each event this service produces or consumes; tests use random ones. */
export type EventTopics = Record<keyof typeof topics, string>;

export const eventTopics: EventTopics = {
  reservationHeld: topics.reservationHeld.name,
  reservationReleased: topics.reservationReleased.name,
  reservationConfirmed: topics.reservationConfirmed.name,
  paymentRequested: topics.paymentRequested.name,
  paymentCompleted: topics.paymentCompleted.name,
  paymentFailed: topics.paymentFailed.name,
};

/** Queues the event for the relay, in the caller's transaction, keyed by its reservation. */
export function recordEvent(tx: SqlClient, topic: string, event: BookingEvent): Promise<void> {
  return appendToOutbox(tx, {
    eventId: event.eventId,
    topic,
    key: partitionKeyOf(event),
    value: event,
  });
}
