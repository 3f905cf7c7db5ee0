import { dlqEntryOf, entryPositionLabel, type DlqEntry } from './dlq-entry';
import { selectEntries, type SelectedEntry, type Selection } from './dlq-selection';
import type { DlqSession } from './dlq-session';
import { readHandled } from './handled-journal';
import { readToEnd } from './read-to-end';

export interface DlqContents {
  entries: DlqEntry[];
  /** Entries no operator replayed or discarded yet. */
  pending: number;
  selected: SelectedEntry[];
}

export async function readDlq(session: DlqSession, selection: Selection): Promise<DlqContents> {
  const { kafka, admin, dlqTopic } = session;
  if (!(await admin.listTopics()).includes(dlqTopic))
    throw new Error(`no topic ${dlqTopic} on the broker (is KAFKA_NAMESPACE right?)`);
  const [messages, handled] = await Promise.all([
    readToEnd(kafka, admin, dlqTopic),
    readHandled(kafka, admin, dlqTopic),
  ]);
  const entries = messages.map(({ partition, message }) => dlqEntryOf(partition, message));
  const pending = entries.filter((entry) => !handled.has(entryPositionLabel(entry))).length;
  session.logger.info(
    { dlqTopic, parked: entries.length, pending, operator: session.operator },
    'dlq read',
  );
  return { entries, pending, selected: selectEntries(entries, handled, selection) };
}
