import type { IHeaders, KafkaMessage } from 'kafkajs';

/** Where a message sits in a topic: what every DLQ action is about. */
export interface EntryPosition {
  partition: number;
  offset: string;
}

/** One parked message, its original key, value and headers apart from why it was parked. */
export interface DlqEntry extends EntryPosition {
  parkedAt: Date;
  key: Buffer | null;
  value: Buffer | null;
  /** The headers it was published with, without the `dlq-*` ones dead-lettering added. */
  headers: IHeaders;
  failure: Record<string, string>;
  /** Read from the envelope; absent when the value is not a readable event. */
  eventId?: string;
  eventType?: string;
  /** `<dlq topic>:<partition>:<offset>` of the entry this one is a failed replay of. */
  replayOf?: string;
}

/** Headers dead-lettering and replaying add; a replay strips them and the DLQ adds fresh ones. */
export const dlqHeaderPrefix = 'dlq-';
export const replayOfHeader = 'dlq-replay-of';

export function entryPositionLabel(position: EntryPosition): string {
  return `${position.partition}:${position.offset}`;
}

export function dlqEntryOf(partition: number, message: KafkaMessage): DlqEntry {
  const headers: IHeaders = {};
  const failure: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    if (name.startsWith(dlqHeaderPrefix)) failure[name.slice(dlqHeaderPrefix.length)] = text(value);
    else headers[name] = value;
  }
  const { 'replay-of': replayOf, ...whyParked } = failure;
  return {
    partition,
    offset: message.offset,
    parkedAt: new Date(Number(message.timestamp)),
    key: message.key,
    value: message.value,
    headers,
    failure: whyParked,
    ...envelopeOf(message.value),
    replayOf,
  };
}

function text(value: NonNullable<IHeaders[string]>): string {
  return Array.isArray(value) ? value.map(String).join(',') : value.toString();
}

function envelopeOf(value: Buffer | null): Pick<DlqEntry, 'eventId' | 'eventType'> {
  let envelope: Record<string, unknown> = {};
  try {
    envelope = Object(JSON.parse(value?.toString() ?? 'null'));
  } catch {
    // A value that is not JSON is an entry like any other, with no event to describe.
  }
  const { eventId, type } = envelope;
  return {
    eventId: typeof eventId === 'string' ? eventId : undefined,
    eventType: typeof type === 'string' ? type : undefined,
  };
}
