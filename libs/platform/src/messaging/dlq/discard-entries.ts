import type { DlqCommand } from './dlq-arguments';
import { entryPositionLabel } from './dlq-entry';
import type { DlqSession } from './dlq-session';
import { recordHandled } from './handled-journal';
import { readDlq } from './read-dlq';

/** Records each selected entry as handled without replaying it, with the operator's reason. */
export async function discardEntries(session: DlqSession, command: DlqCommand): Promise<number> {
  const { dlqTopic, operator, logger } = session;
  const { selected } = await readDlq(session, command.selection);
  for (const { entry, handled } of selected) {
    const label = entryPositionLabel(entry);
    const action = {
      action: 'discard',
      operator,
      dryRun: command.dryRun,
      dlqTopic,
      partition: entry.partition,
      offset: entry.offset,
      eventId: entry.eventId,
      eventType: entry.eventType,
      key: entry.key?.toString(),
      reason: command.reason,
      previously: handled?.action,
    };
    if (command.dryRun) {
      logger.info(action, 'dlq entry would be discarded');
      session.print(`would discard ${label} (${entry.eventType} ${entry.eventId})`);
      continue;
    }
    await recordHandled(session.kafka, session.admin, session.producer, {
      action: 'discarded',
      dlqTopic,
      partition: entry.partition,
      offset: entry.offset,
      eventId: entry.eventId,
      eventType: entry.eventType,
      operator,
      at: session.now().toISOString(),
      reason: command.reason,
    });
    logger.info(action, 'dlq entry discarded');
    session.print(`discarded ${label} (${entry.eventType} ${entry.eventId})`);
  }
  session.print(`${command.dryRun ? 'would discard' : 'discarded'} ${selected.length} selected`);
  return 0;
}
