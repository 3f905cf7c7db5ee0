import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EventEnvelopeSchema } from './envelope';

/**
 * A fresh envelope for a payload, validated against its schema, ready for the outbox.
 * @throws ZodError if the payload breaks the schema: a bug in the producer, not in the message
 */
export function newEvent<S extends EventEnvelopeSchema>(
  schema: S,
  payload: z.input<S['shape']['payload']>,
  occurredAt: Date = new Date(),
): z.output<S> {
  return schema.parse({
    eventId: randomUUID(),
    type: schema.shape.type.value,
    version: schema.shape.version.value,
    occurredAt: occurredAt.toISOString(),
    payload,
  });
}
