import type { z } from 'zod';

export type UnparseableEventReason = 'MALFORMED' | 'UNKNOWN_EVENT' | 'INVALID_PAYLOAD';

/**
 * A message no retry can fix: not a JSON envelope, a type/version this build does not know, or a
 * payload that breaks its schema. Send it to the topic's DLQ with `reason` in the error headers;
 * an UNKNOWN_EVENT usually means a producer was deployed ahead of this consumer.
 */
export class UnparseableEventError extends Error {
  override readonly name = 'UnparseableEventError';
  readonly issues: readonly z.core.$ZodIssue[];
  readonly eventType?: string;
  readonly eventVersion?: number;

  constructor(
    readonly reason: UnparseableEventReason,
    message: string,
    details: {
      issues?: readonly z.core.$ZodIssue[];
      eventType?: string;
      eventVersion?: number;
    } = {},
  ) {
    super(message);
    this.issues = details.issues ?? [];
    this.eventType = details.eventType;
    this.eventVersion = details.eventVersion;
  }
}
