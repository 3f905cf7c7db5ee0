import type { EntryPosition } from './dlq-entry';

/**
 * What an operator did with a DLQ entry, kept in the DLQ's handled journal (see
 * handled-journal.ts) so `list` shows only what is still to be handled.
 */
export interface HandledRecord extends EntryPosition {
  action: 'replayed' | 'discarded';
  dlqTopic: string;
  eventId?: string;
  eventType?: string;
  operator: string;
  at: string;
  reason?: string;
  /** Where the replay landed on the source topic. */
  replayedTo?: { topic: string; partition: number; offset: string };
}
