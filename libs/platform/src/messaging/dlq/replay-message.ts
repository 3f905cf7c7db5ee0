import type { Message } from 'kafkajs';
import { replayOfHeader, type DlqEntry } from './dlq-entry';

/**
 * The entry as first published (same key, value and so event id, same headers, trace context
 * included) plus which DLQ entry it replays: if it fails again, its new DLQ entry says so. The
 * unchanged event id is what makes a replay safe to repeat: each consumer's inbox applies it once.
 */
export function replayMessage(entry: DlqEntry, dlqTopic: string): Message {
  return {
    key: entry.key,
    value: entry.value,
    headers: {
      ...entry.headers,
      [replayOfHeader]: `${dlqTopic}:${entry.partition}:${entry.offset}`,
    },
  };
}
