import { partitionKeyOf, topicFor, type BookingEvent } from '@headliner/contracts';
import type { SqlClient } from './sql-client';
import { captureTraceHeaders } from './trace-headers';

export interface OutboxMessage {
  eventId: string;
  topic: string;
  key: string;
  /** The event envelope, serialised once here so the relay sends exactly what was stored. */
  value: unknown;
}

/** An event as the outbox keeps it: on its registry topic under `namespace`, keyed by the registry. */
export function outboxMessageOf(event: BookingEvent, namespace: string): OutboxMessage {
  return {
    eventId: event.eventId,
    topic: namespace + topicFor(event).name,
    key: partitionKeyOf(event),
    value: event,
  };
}

/**
 * Records a message to publish, inside the caller's transaction, so the state change and its
 * event commit or roll back together. The active trace context is stored with it so the
 * consumer's work joins the trace of the request that caused it.
 */
export async function appendToOutbox(tx: SqlClient, message: OutboxMessage): Promise<void> {
  await tx.$executeRawUnsafe(
    'INSERT INTO outbox_events (event_id, topic, key, value, headers) VALUES ($1::uuid, $2, $3, $4, $5::jsonb)',
    message.eventId,
    message.topic,
    message.key,
    JSON.stringify(message.value),
    JSON.stringify(captureTraceHeaders()),
  );
}
