import { entryPositionLabel, type DlqEntry } from './dlq-entry';
import type { SelectedEntry } from './dlq-selection';

/** One line per entry for `list`: where, when, what, why, and what was done with it. */
export function entryLine({ entry, handled }: SelectedEntry): string {
  const { failure } = entry;
  return [
    entryPositionLabel(entry).padEnd(8),
    entry.parkedAt.toISOString(),
    entry.eventType ?? '(unreadable)',
    entry.eventId ?? '-',
    `key=${entry.key?.toString() ?? '-'}`,
    `group=${failure['consumer-group'] ?? '-'}`,
    `attempts=${failure.attempts ?? '-'}`,
    `${failure['error-name'] ?? 'Error'}: ${failure['error-message'] ?? '-'}`,
    entry.replayOf ? `(replay of ${entry.replayOf})` : '',
    handled ? `[${handled.action} by ${handled.operator} at ${handled.at}]` : '',
  ]
    .filter((part) => part !== '')
    .join('  ');
}

/** Everything about an entry, for `show` and `list --json`. */
export function entryDocument({ entry, handled }: SelectedEntry) {
  return {
    partition: entry.partition,
    offset: entry.offset,
    parkedAt: entry.parkedAt.toISOString(),
    eventType: entry.eventType,
    eventId: entry.eventId,
    key: entry.key?.toString() ?? null,
    failure: entry.failure,
    replayOf: entry.replayOf,
    handled,
    headers: Object.fromEntries(
      Object.entries(entry.headers).map(([name, value]) => [name, String(value)]),
    ),
    value: readableValue(entry),
  };
}

function readableValue(entry: DlqEntry): unknown {
  const text = entry.value?.toString() ?? null;
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return text;
  }
}
