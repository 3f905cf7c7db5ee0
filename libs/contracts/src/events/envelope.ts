import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';

// Trace context (traceparent, tracestate) travels in the Kafka message headers, not here, so
// OpenTelemetry's propagators treat a message as they treat an HTTP request.
const envelopeFields = {
  eventId: EntityId.describe('Unique per event; consumers deduplicate on (eventId, consumer)'),
  occurredAt: Timestamp.describe('When the state change happened, not when it was published'),
};

/** Any well-formed envelope, before its type and version are known. */
export const AnyEventEnvelope = z.object({
  ...envelopeFields,
  type: z.string().min(1),
  version: z.int().positive(),
  payload: z.unknown(),
});
export type AnyEventEnvelope = z.infer<typeof AnyEventEnvelope>;

// Payload schemas are not strict on purpose: adding an optional field is not a breaking change,
// so consumers still on the old code must accept it. Removing or retyping a field is a new version.
/** The envelope schema of one event type and version, around its payload schema. */
export function eventEnvelope<T extends string, V extends number, P extends z.ZodType>(
  type: T,
  version: V,
  payload: P,
) {
  return z.object({
    ...envelopeFields,
    type: z.literal(type),
    version: z.literal(version),
    payload,
  });
}

export type EventEnvelopeSchema<
  T extends string = string,
  V extends number = number,
  P extends z.ZodType = z.ZodType,
> = ReturnType<typeof eventEnvelope<T, V, P>>;
