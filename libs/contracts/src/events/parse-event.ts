import { z } from 'zod';
import { AnyEventEnvelope } from './envelope';
import { eventSchemaFor, type BookingEvent } from './registry';
import { UnparseableEventError } from './unparseable-event-error';

/**
 * Decodes and validates a Kafka message value against the event registry.
 * @throws UnparseableEventError when the message can never be processed (send it to the DLQ)
 */
export function parseEvent(value: string | Uint8Array | null): BookingEvent {
  return eventOf(decode(value));
}

/**
 * Validates a message value already decoded from JSON (as the platform's consumers hand it over)
 * against the event registry.
 * @throws UnparseableEventError when the message can never be processed (send it to the DLQ)
 */
export function eventOf(value: unknown): BookingEvent {
  const envelope = AnyEventEnvelope.safeParse(value);
  if (!envelope.success) {
    const { issues } = envelope.error;
    throw new UnparseableEventError('MALFORMED', z.prettifyError(envelope.error), { issues });
  }
  const { type: eventType, version: eventVersion } = envelope.data;
  const schema = eventSchemaFor(eventType, eventVersion);
  if (!schema) {
    const message = `Unknown event ${eventType} v${eventVersion}`;
    throw new UnparseableEventError('UNKNOWN_EVENT', message, { eventType, eventVersion });
  }
  const event = schema.safeParse(envelope.data);
  if (!event.success) {
    const message = `${eventType} v${eventVersion}: ${z.prettifyError(event.error)}`;
    const { issues } = event.error;
    throw new UnparseableEventError('INVALID_PAYLOAD', message, {
      issues,
      eventType,
      eventVersion,
    });
  }
  return event.data as BookingEvent;
}

function decode(value: string | Uint8Array | null): unknown {
  if (value === null) throw new UnparseableEventError('MALFORMED', 'The message has no value');
  const text = typeof value === 'string' ? value : new TextDecoder().decode(value);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UnparseableEventError('MALFORMED', `Not JSON: ${(error as Error).message}`);
  }
}
