import { entryPositionLabel, type DlqEntry, type EntryPosition } from './dlq-entry';
import type { HandledRecord } from './handled-record';

/** Which entries a command is about; every criterion given must match. */
export interface Selection {
  /** Particular entries; empty means any. */
  positions: EntryPosition[];
  eventType?: string;
  /** Parked at or after. */
  since?: Date;
  /** Parked before. */
  until?: Date;
  /** Also entries an operator replayed or discarded already. */
  includeHandled: boolean;
}

export interface SelectedEntry {
  entry: DlqEntry;
  handled?: HandledRecord;
}

export function selectEntries(
  entries: DlqEntry[],
  handled: ReadonlyMap<string, HandledRecord>,
  selection: Selection,
): SelectedEntry[] {
  const wanted = new Set(selection.positions.map(entryPositionLabel));
  return entries
    .map((entry) => ({ entry, handled: handled.get(entryPositionLabel(entry)) }))
    .filter(
      ({ entry, handled: record }) =>
        (selection.includeHandled || record === undefined) &&
        (wanted.size === 0 || wanted.has(entryPositionLabel(entry))) &&
        (selection.eventType === undefined || entry.eventType === selection.eventType) &&
        (selection.since === undefined || entry.parkedAt >= selection.since) &&
        (selection.until === undefined || entry.parkedAt < selection.until),
    );
}
