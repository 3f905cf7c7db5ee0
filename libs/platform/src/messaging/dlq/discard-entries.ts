import type { DlqCommand } from './dlq-arguments';
import { entryPositionLabel } from './dlq-entry';
import type { DlqSession } from './dlq-session';
import { recordHandled } from './handled-journal';
import { actionLogFields, handledRecordOf } from './operator-action';
import { readDlq } from './read-dlq';

/** Records each selected entry as handled without replaying it, with the operator's reason. */
export async function discardEntries(session: DlqSession, command: DlqCommand): Promise<number> {
  const { logger } = session;
  const { selected } = await readDlq(session, command.selection);
  for (const selectedEntry of selected) {
    const { entry } = selectedEntry;
    const label = entryPositionLabel(entry);
    const action = actionLogFields('discard', session, command, selectedEntry);
    if (command.dryRun) {
      logger.info(action, 'dlq entry would be discarded');
      session.print(`would discard ${label} (${entry.eventType} ${entry.eventId})`);
      continue;
    }
    await recordHandled(
      session.kafka,
      session.admin,
      session.producer,
      handledRecordOf('discarded', session, command, selectedEntry),
    );
    logger.info(action, 'dlq entry discarded');
    session.print(`discarded ${label} (${entry.eventType} ${entry.eventId})`);
  }
  session.print(`${command.dryRun ? 'would discard' : 'discarded'} ${selected.length} selected`);
  return 0;
}
