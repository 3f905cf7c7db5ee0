import type { DlqCommand } from './dlq-arguments';
import type { SelectedEntry } from './dlq-selection';
import type { DlqSession } from './dlq-session';
import type { HandledRecord } from './handled-record';

/** The log line's fields for an operator's action on one entry: who, what, which entry. */
export function actionLogFields(
  action: 'replay' | 'discard',
  session: DlqSession,
  command: DlqCommand,
  { entry, handled }: SelectedEntry,
) {
  return {
    action,
    operator: session.operator,
    dryRun: command.dryRun,
    dlqTopic: session.dlqTopic,
    partition: entry.partition,
    offset: entry.offset,
    eventId: entry.eventId,
    eventType: entry.eventType,
    key: entry.key?.toString(),
    reason: command.reason,
    previously: handled?.action,
  };
}

/** The handled journal's record of that action, taken now. */
export function handledRecordOf(
  action: HandledRecord['action'],
  session: DlqSession,
  command: DlqCommand,
  { entry }: SelectedEntry,
): HandledRecord {
  return {
    action,
    dlqTopic: session.dlqTopic,
    partition: entry.partition,
    offset: entry.offset,
    eventId: entry.eventId,
    eventType: entry.eventType,
    operator: session.operator,
    at: session.now().toISOString(),
    reason: command.reason,
  };
}
